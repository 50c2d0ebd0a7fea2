import { startEmulator } from '@cci/emulator';
import { serveParent } from './child.ts';

/**
 * The bench's CCI: an emulator in its own process (as CCI is another machine), with PODS pods
 * in namespace "bench". Tells the parent its URL and a token, then serves until killed.
 */
const pods = Number(process.env['BENCH_PODS'] ?? '100');
const emulator = await startEmulator({ tls: false, controllers: [] });
emulator.store.put('/namespaces', {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'bench' },
});
for (let i = 0; i < pods; i++) {
  emulator.store.put('/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${String(i).padStart(3, '0')}`,
      namespace: 'bench',
      labels: { app: 'web', shard: String(i % 10) },
      annotations: { 'monitoring.cci.io/enable-pod-metrics': 'true' },
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:alpine',
          ports: [{ containerPort: 80 }],
          resources: {
            limits: { cpu: '500m', memory: '1Gi' },
            requests: { cpu: '500m', memory: '1Gi' },
          },
        },
      ],
    },
    status: { phase: 'Running', podIP: `192.168.0.${i + 2}` },
  });
}
process.send?.({ url: emulator.url, token: emulator.issueToken() });
serveParent();
