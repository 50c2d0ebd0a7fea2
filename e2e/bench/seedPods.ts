import type { Emulator } from '@cci/emulator';

/**
 * Puts `count` running pods straight into the emulator's store (no admission, no HTTP): the
 * benchmark measures the browser, not the seeding. Metrics are off so no exporters start.
 */
export function seedPods(emulator: Emulator, namespace: string, count: number): void {
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
    },
  });
  const created = new Date(Date.now() - 3_600_000).toISOString();
  for (let i = 0; i < count; i++) {
    const name = `web-${String(i).padStart(5, '0')}`;
    emulator.store.put('/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace,
        creationTimestamp: created,
        labels: { app: 'web', shard: String(i % 10) },
        annotations: {
          'monitoring.cci.io/enable-pod-metrics': 'false',
          'yangtse.io/allocated-ipv4-eip': `100.64.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        },
      },
      spec: {
        nodeName: 'bench',
        containers: [
          {
            name: 'web',
            image: 'nginx:alpine',
            resources: {
              limits: { cpu: '500m', memory: '1Gi' },
              requests: { cpu: '500m', memory: '1Gi' },
            },
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: `192.168.${Math.floor(i / 250)}.${(i % 250) + 2}`,
        containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: {} } }],
      },
    });
  }
}
