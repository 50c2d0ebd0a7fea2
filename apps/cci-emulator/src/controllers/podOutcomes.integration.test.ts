import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createPodController } from './pods.ts';
import { condition, podKit } from './pods.testkit.ts';

let t: TestEmulator;
let k: ReturnType<typeof podKit>;
const ns = 'pod-outcomes';
const getPod = (name: string) => k.getPod(name);
const eventsOf = (name: string) => k.eventsOf(name);
const withNetwork = (cidr?: string) => k.withNetwork(cidr);

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createPodController()] });
  k = podKit(t, ns);
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest(ns))).status).toBe(201);
});
afterEach(() => t.close());

describe('what emulated pods end up as', () => {
  it('SV5 input: readiness follows the probe rules', async () => {
    await withNetwork();
    const probe = (readinessProbe: object, ports?: object[]) => ({
      containers: [{ name: 'c', image: 'nginx', readinessProbe, ...(ports ? { ports } : {}) }],
    });
    const ports = [{ containerPort: 80 }];
    await k.create('ls-ready', probe({ exec: { command: ['ls', '/ready'] } }));
    await k.create('http-ok', probe({ httpGet: { port: 80 }, initialDelaySeconds: 5 }, ports));
    await k.create('http-bad', probe({ httpGet: { port: 8080 } }, ports));
    await t.advance(3000);
    expect(condition(await getPod('ls-ready'), 'Ready')).toBe('False');
    expect((await getPod('ls-ready')).status.phase).toBe('Running');
    expect(condition(await getPod('http-ok'), 'Ready')).toBe('False');
    await t.advance(5000);
    expect(condition(await getPod('http-ok'), 'Ready')).toBe('True');
    expect(condition(await getPod('http-bad'), 'Ready')).toBe('False');
    const unhealthy = (await eventsOf('ls-ready')).find((e) => e.reason === 'Unhealthy');
    expect(unhealthy?.message).toBe(
      "Readiness probe failed: ls: cannot access '/ready': No such file or directory",
    );
  });

  it('a one-shot pod with restartPolicy Never ends Succeeded with terminated containers', async () => {
    await withNetwork();
    await k.create('pi', {
      restartPolicy: 'Never',
      containers: [
        { name: 'pi', image: 'perl', command: ['perl', '-Mbigint=bpi', '-wle', 'print bpi(2000)'] },
      ],
    });
    await t.advance(7999);
    expect((await getPod('pi')).status.phase).toBe('Running');
    await t.advance(1);
    const p = await getPod('pi');
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses?.[0]?.state['terminated']).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(p.status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
  });
});
