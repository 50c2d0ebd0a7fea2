/**
 * Exec benchmark: `echo` through a WebSocket exec session (upgrade, v5 channel frames, the
 * emulated shell, the exit Status) against a plain authenticated GET of the same pod on the
 * same emulator, as a ratio; and the heap one seeded container costs (virtual filesystem,
 * environment, process table) against the pod object itself.
 */
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { startEmulator } from '../src/emulator.ts';
import { seedPodContainers } from '../src/exec/containerFs.ts';

const ROUNDS = 300;
const CONTAINERS = 2_000;

const emulator = await startEmulator({ tls: false, clock: 'manual' });
const token = emulator.issueToken();
const auth = { Authorization: `Bearer ${token}` };
const ns = 'bench';
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: ns, uid: 'u-1' },
  spec: { containers: [{ name: 'app', image: 'nginx:alpine', env: [{ name: 'A', value: '1' }] }] },
  status: {
    phase: 'Running',
    podIP: '192.168.0.2',
    containerStatuses: [{ name: 'app', state: { running: {} } }],
  },
};
emulator.store.put('/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
emulator.store.put('/pods', pod);

const execUrl = `${emulator.url.replace('http', 'ws')}/api/v1/namespaces/${ns}/pods/web/exec?container=app&stdout=true&command=echo&command=hi`;
const execOnce = () =>
  new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(execUrl, ['v5.channel.k8s.io'], { headers: auth });
    ws.on('close', () => resolve());
    ws.on('error', reject);
  });
const getOnce = async () => {
  const r = await fetch(`${emulator.url}/api/v1/namespaces/${ns}/pods/web`, { headers: auth });
  await r.arrayBuffer();
};

async function timed(fn: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return (performance.now() - start) / ROUNDS;
}

const getMs = await timed(getOnce);
const execMs = await timed(execOnce);

global.gc?.();
const before = process.memoryUsage().heapUsed;
const kept: unknown[] = [];
for (let i = 0; i < CONTAINERS; i++) {
  const none = { configMap: () => undefined, secret: () => undefined };
  kept.push(
    seedPodContainers({ ...pod, metadata: { ...pod.metadata, name: `web-${i}` } }, none, () => 0),
  );
}
global.gc?.();
const perContainer = (process.memoryUsage().heapUsed - before) / CONTAINERS;
const podBytes = JSON.stringify(pod).length;

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `exec round trip ${execMs.toFixed(2)} ms vs GET pod ${getMs.toFixed(2)} ms: ${(execMs / getMs).toFixed(1)}x`,
);
console.log(
  `heap per seeded container ${(perContainer / 1024).toFixed(1)} KiB (${(perContainer / podBytes).toFixed(0)}x the pod's JSON, ${kept.length} kept)`,
);
await emulator.close();
