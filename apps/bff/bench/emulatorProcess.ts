import { startEmulator, writeKubeconfig } from '@cci/emulator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveParent } from './child.ts';

/**
 * The bench's CCI: an emulator in its own process (as CCI is another machine), over TLS with its
 * self-signed certificate as CCI serves, with BENCH_PODS pods in namespace "bench" (and
 * BENCH_PODS_LARGE in "bench-large"). Tells the parent its URL, a token, its CA in a file (for
 * the BFF's CCI_CA_FILE, as `npm start` sets it) and a kubeconfig (for `kubectl proxy`), then
 * serves until killed. The pods
 * run (an hour ago, so exporter counters have grown) and have metrics on (M1): the metrics
 * scrape bench scrapes them through the pod proxy.
 */
const pods = Number(process.env['BENCH_PODS'] ?? '100');
const largePods = Number(process.env['BENCH_PODS_LARGE'] ?? '0');
const startTime = new Date(Date.now() - 3_600_000).toISOString();
/** 192.168.0.2, ...: a valid address for any pod count (the BFF checks podIP before scraping). */
const podIp = (i: number) => `192.168.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`;
const emulator = await startEmulator({ controllers: [] });

function addPods(namespace: string, count: number): void {
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  for (let i = 0; i < count; i++) addPod(namespace, i);
}

function addPod(namespace: string, i: number): void {
  emulator.store.put('/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${String(i).padStart(3, '0')}`,
      namespace,
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

addPods('bench', pods);
if (largePods > 0) addPods('bench-large', largePods);
const dir = mkdtempSync(join(tmpdir(), 'cci-bench-'));
const caFile = join(dir, 'ca.pem');
const kubeconfig = join(dir, 'kubeconfig');
const token = emulator.issueToken();
writeFileSync(caFile, emulator.caCertificate ?? '');
writeKubeconfig(kubeconfig, {
  server: emulator.url,
  region: emulator.region,
  identityName: 'cci-demo',
  token,
  caCertificate: emulator.caCertificate,
});
process.send?.({ url: emulator.url, token, caFile, kubeconfig });
serveParent();
