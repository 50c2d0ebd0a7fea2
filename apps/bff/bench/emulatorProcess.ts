import { startEmulator } from '@cci/emulator';
import { serveParent } from './child.ts';

/**
 * The bench's CCI: an emulator in its own process (as CCI is another machine), with PODS pods
 * in namespace "bench". Tells the parent its URL and a token, then serves until killed. The pods
 * run (an hour ago, so exporter counters have grown) and have metrics on (M1): the metrics
 * scrape bench scrapes them through the pod proxy.
 */
const pods = Number(process.env['BENCH_PODS'] ?? '100');
const startTime = new Date(Date.now() - 3_600_000).toISOString();
/** 192.168.0.2, ...: a valid address for any pod count (the BFF checks podIP before scraping). */
const podIp = (i: number) => `192.168.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`;
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
    status: { phase: 'Running', podIP: podIp(i), startTime },
  });
}
process.send?.({ url: emulator.url, token: emulator.issueToken() });
serveParent();
