import type { Emulator } from '@cci/emulator';

/** The emulated nginx prints one access line per 5 s of its uptime (exporters/podLogs). */
const NGINX_LINE_MS = 5_000;

/**
 * Puts a running nginx pod straight into the emulator's store whose container started long
 * enough ago to have printed about `lines` lines: the emulated log is a function of the
 * container's uptime, so a big log needs no writing, only an old start time (and a retention
 * beyond the emulated kubelet's 20,000 lines).
 */
export function seedLogPod(emulator: Emulator, namespace: string, name: string, lines: number) {
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
    },
  });
  const started = new Date(Date.now() - lines * NGINX_LINE_MS).toISOString();
  emulator.store.put('/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `bench-${namespace}-${name}`,
      creationTimestamp: started,
      annotations: {
        'monitoring.cci.io/enable-pod-metrics': 'false',
        // The emulator keeps 20,000 lines of a log (kubelet's rotation) unless told more.
        'emulator.cci.io/retained-log-lines': String(lines + 1_000),
      },
    },
    spec: {
      nodeName: 'bench',
      containers: [{ name: 'web', image: 'nginx:alpine' }],
    },
    status: {
      phase: 'Running',
      startTime: started,
      containerStatuses: [
        { name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: started } } },
      ],
    },
  });
}
