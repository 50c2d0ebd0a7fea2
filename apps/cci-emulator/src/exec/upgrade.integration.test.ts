import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { markPodRunning } from '../exporters/pods.testkit.ts';
import {
  namespaceManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';

const ns = 'upgrade-test';
let t: TestEmulator;

async function runningPod(name: string) {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
  expect((await t.api.post(`/api/v1/namespaces/${ns}/pods`, pod)).status).toBe(201);
  await markPodRunning(t.api, ns, { name, containers: ['app'], startedAt: t.emulator.clock.now() });
}

interface Outcome {
  status?: number;
  body?: string;
  protocol?: string;
  frames: Buffer[];
}

/** Opens an exec WebSocket; resolves with what came back once the server closes or refuses. */
function open(
  path: string,
  opts: { token?: string; protocols?: string[]; onOpen?: (ws: WebSocket) => void } = {},
) {
  return new Promise<Outcome>((resolve) => {
    const ws = new WebSocket(
      `${t.emulator.url.replace('http', 'ws')}${path}`,
      opts.protocols ?? ['v5.channel.k8s.io'],
      {
        headers: opts.token === undefined ? {} : { Authorization: `Bearer ${opts.token}` },
      },
    );
    const outcome: Outcome = { frames: [] };
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ ...outcome, status: res.statusCode, body }));
    });
    ws.on('open', () => {
      outcome.protocol = ws.protocol;
      opts.onOpen?.(ws);
    });
    ws.on('message', (data: Buffer) => outcome.frames.push(data));
    ws.on('close', () => resolve(outcome));
  });
}

const text = (o: Outcome, channel: number) =>
  o.frames
    .filter((f) => f[0] === channel)
    .map((f) => f.subarray(1).toString())
    .join('');
const execPath = (pod: string, ...command: string[]) =>
  `/api/v1/namespaces/${ns}/pods/${pod}/exec?container=app&stdout=true&stderr=true&${command.map((c) => `command=${encodeURIComponent(c)}`).join('&')}`;

beforeAll(async () => {
  t = await startTestEmulator();
  await t.api.post('/api/v1/namespaces', namespaceManifest(ns));
  await runningPod('web');
});
afterAll(() => t.close());

describe('pods/exec, attach and portforward upgrades', () => {
  it('authenticates the upgrade like any request: 401 Status without a valid token', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const r = await open(execPath('web', 'ls'), token === undefined ? {} : { token });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body ?? '{}')).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });
    }
  });

  it('runs the command over v5.channel.k8s.io: stdout on 1, stderr on 2, the exit Status on 3', async () => {
    const r = await open(execPath('web', 'sh', '-c', 'echo out; ls /none; exit 3'), {
      token: t.token,
    });
    expect(r.protocol).toBe('v5.channel.k8s.io');
    expect(text(r, 1)).toBe('out\n');
    expect(text(r, 2)).toBe("ls: cannot access '/none': No such file or directory\n");
    expect(JSON.parse(text(r, 3))).toMatchObject({
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('refuses what is not a stream it can serve, as the API server words it', async () => {
    expect(
      (await open(`/api/v1/namespaces/${ns}/pods/ghost/exec?command=ls`, { token: t.token }))
        .status,
    ).toBe(404);
    expect((await open(execPath('web'), { token: t.token })).body).toContain(
      'you must specify at least 1 command',
    );
    expect(
      (await open(execPath('web', 'ls'), { token: t.token, protocols: ['channel.k8s.io'] })).status,
    ).toBe(400);
    const plain = await t.api.get(`/api/v1/namespaces/${ns}/pods/web/exec?command=ls`);
    expect(plain.status).toBe(400);
    expect(JSON.stringify(plain.body)).toContain('Upgrade request required');
    const discovery = await t.api.get('/api/v1');
    const names = (discovery.body as { resources: { name: string }[] }).resources.map(
      (r) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(['pods/exec', 'pods/attach', 'pods/portforward']));
  });

  it('keeps container state while the pod lives; deleting it ends open streams with a Status and drops the state', async () => {
    await runningPod('short');
    await open(execPath('short', 'touch', '/marker'), { token: t.token });
    const seen = await open(execPath('short', 'ls', '/marker'), { token: t.token });
    expect(text(seen, 1)).toBe('/marker\n');
    const pending = open(`${execPath('short', 'sh')}&stdin=true`, {
      token: t.token,
      onOpen: () => void t.api.delete(`/api/v1/namespaces/${ns}/pods/short?gracePeriodSeconds=0`),
    });
    const ended = await pending;
    expect(JSON.parse(text(ended, 3))).toMatchObject({
      status: 'Failure',
      message: expect.stringMatching(
        /pod "short" in namespace "upgrade-test" (is being|was) deleted/,
      ),
    });
    await t.settle();
    await runningPod('short');
    const fresh = await open(execPath('short', 'ls', '/marker'), { token: t.token });
    expect(text(fresh, 2)).toContain('No such file or directory');
  });

  it('closing the emulator ends open sessions instead of waiting for them', async () => {
    const pending = open(`${execPath('web', 'sh')}&stdin=true`, { token: t.token });
    await new Promise((r) => setTimeout(r, 100));
    await t.close();
    expect((await pending).frames).toEqual([]);
    t = await startTestEmulator();
  });
});
