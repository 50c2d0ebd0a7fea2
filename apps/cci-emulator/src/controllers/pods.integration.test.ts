import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createPodController } from './pods.ts';
import { condition, guaranteedResources, podKit } from './pods.testkit.ts';

let t: TestEmulator;
let k: ReturnType<typeof podKit>;
const ns = 'pods-test';
const getPod = (name: string) => k.getPod(name);
const eventsOf = (name: string) => k.eventsOf(name);
const withNetwork = (cidr?: string) => k.withNetwork(cidr);

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createPodController()] });
  k = podKit(t, ns);
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest(ns))).status).toBe(201);
});
afterEach(() => t.close());

describe('pod lifecycle (virtual kubelet)', () => {
  it('N7: a pod goes Pending → Running with an IP of the Network CIDR, events in order', async () => {
    await withNetwork();
    await k.create('web', {
      containers: [{ name: 'nginx', image: 'nginx:alpine', resources: guaranteedResources }],
    });
    await t.settle();
    let p = await getPod('web');
    expect(p.spec.nodeName).toBe('virtual-kubelet');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.podIP).toBe('192.168.10.2');
    expect(p.status.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'ContainerCreating' },
    });
    await t.advance(2999);
    expect((await getPod('web')).status.phase).toBe('Pending');
    await t.advance(1);
    p = await getPod('web');
    expect(p.status.phase).toBe('Running');
    expect(p.status.hostIP).toBe('192.168.10.2');
    expect(p.status.qosClass).toBe('Guaranteed');
    expect(condition(p, 'Ready')).toBe('True');
    expect(condition(p, 'Initialized')).toBe('True');
    const cs = p.status.containerStatuses?.[0];
    expect(cs).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0 });
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs?.state['running']).toHaveProperty('startedAt');
    const events = await eventsOf('web');
    expect(events.map((e) => `${e.source.component}:${e.reason}`)).toEqual([
      'default-scheduler:Scheduled',
      'kubelet:Pulling',
      'kubelet:Pulled',
      'kubelet:Created',
      'kubelet:Started',
    ]);
    expect(events[0]?.message).toBe(`Successfully assigned ${ns}/web to virtual-kubelet`);
    expect(events[1]?.message).toBe('Pulling image "nginx:alpine"');
  });

  it('N7: pods of a namespace get distinct addresses', async () => {
    await withNetwork('10.20.0.0/29');
    for (const name of ['a', 'b', 'c'])
      await k.create(name, { containers: [{ name: 'c', image: 'nginx' }] });
    await t.advance(3000);
    const ips = await Promise.all(['a', 'b', 'c'].map(async (n) => (await getPod(n)).status.podIP));
    expect(new Set(ips).size).toBe(3);
    expect(ips.every((ip) => /^10\.20\.0\.[2-6]$/.test(ip ?? ''))).toBe(true);
  });

  it('P7: init containers run one after another, to completion, before the app containers', async () => {
    await withNetwork();
    await k.create('mysql', {
      initContainers: [
        { name: 'first', image: 'busybox', command: ['sleep', '20'] },
        { name: 'second', image: 'busybox', command: ['sh', '-c', 'echo done'] },
      ],
      containers: [{ name: 'mysql', image: 'percona:5.7.22' }],
    });
    await t.settle();
    await t.advance(3000); // first started (pull 1s..3s)
    let p = await getPod('mysql');
    expect(p.status.initContainerStatuses?.map((s) => Object.keys(s.state)[0])).toEqual([
      'running',
      'waiting',
    ]);
    expect(condition(p, 'Initialized')).toBe('False');
    expect(p.status.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'PodInitializing' },
    });
    await t.advance(20_000); // first completed at 23s, second pulling
    p = await getPod('mysql');
    expect(p.status.initContainerStatuses?.[0]?.state['terminated']).toMatchObject({
      reason: 'Completed',
      exitCode: 0,
    });
    expect(Object.keys(p.status.initContainerStatuses?.[1]?.state ?? {})).toEqual(['waiting']);
    await t.advance(3000); // second ran 25s..26s
    p = await getPod('mysql');
    expect(
      p.status.initContainerStatuses?.every((s) => s.state['terminated']?.reason === 'Completed'),
    ).toBe(true);
    expect(p.status.phase).toBe('Pending');
    await t.advance(2000);
    p = await getPod('mysql');
    expect(p.status.phase).toBe('Running');
    expect(condition(p, 'Initialized')).toBe('True');
    const order = (await eventsOf('mysql'))
      .filter((e) => e.reason === 'Started' || e.reason === 'Pulling')
      .map((e) => e.message);
    expect(order).toEqual([
      'Pulling image "busybox"',
      'Started container first',
      'Pulling image "busybox"',
      'Started container second',
      'Pulling image "percona:5.7.22"',
      'Started container mysql',
    ]);
  });

  it('N4: without a Network the pod stays Pending with a Warning, and runs once one is created', async () => {
    await k.create('lonely', { containers: [{ name: 'c', image: 'nginx' }] });
    await t.advance(10_000);
    let p = await getPod('lonely');
    expect(p.status.phase).toBe('Pending');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions?.[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
    });
    const warnings = (await eventsOf('lonely')).filter((e) => e.type === 'Warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ reason: 'FailedScheduling' });
    expect(warnings[0]?.message).toMatch(/has no Network/);
    await withNetwork();
    await t.advance(3000);
    p = await getPod('lonely');
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toBe('192.168.10.2');
  });
});
