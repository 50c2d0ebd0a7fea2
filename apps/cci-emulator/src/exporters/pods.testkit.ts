import type { PodShape } from './podShape.ts';

/** Pods as the emulator stores them once running, for the exporter and log tests. */
export const T0 = Date.parse('2024-05-01T10:00:00Z');

export function runningPod(options: {
  name?: string;
  uid?: string;
  annotations?: Record<string, string>;
  containers?: NonNullable<PodShape['spec']>['containers'];
  startedAtMs?: number;
}): PodShape {
  const started = new Date(options.startedAtMs ?? T0).toISOString();
  const containers = options.containers ?? [
    {
      name: 'container-0',
      image: 'nginx:alpine',
      resources: {
        limits: { cpu: '500m', memory: '1024Mi' },
        requests: { cpu: '500m', memory: '1024Mi' },
      },
    },
  ];
  return {
    metadata: {
      name: options.name ?? 'nginx',
      namespace: 'namespace-test',
      uid: options.uid ?? '0b3f4c5d-1111-4222-8333-944455556666',
      creationTimestamp: started,
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: { containers },
    status: {
      phase: 'Running',
      podIP: '192.168.0.10',
      startTime: started,
      containerStatuses: containers.map((c) => ({
        name: c.name,
        restartCount: 0,
        state: { running: { startedAt: started } },
      })),
    },
  };
}

export function gpuPod(): PodShape {
  return runningPod({
    name: 'gpu-test',
    uid: '7a8b9c0d-2222-4333-8444-a55566667777',
    containers: [
      {
        name: 'container-0',
        image: 'tensorflow:latest',
        resources: {
          limits: { cpu: '4000m', memory: '32Gi', 'nvidia.com/gpu-tesla-v100-16GB': '1' },
          requests: { cpu: '4000m', memory: '32Gi', 'nvidia.com/gpu-tesla-v100-16GB': '1' },
        },
      },
    ],
  });
}

interface StatusClient {
  patch(
    path: string,
    body: unknown,
    contentType: string,
  ): Promise<{ status: number; text: string }>;
}

/**
 * Tests do not depend on the pod lifecycle controller: they write the status a running pod has,
 * through the status subresource, as the controller would.
 */
export async function markPodRunning(
  api: StatusClient,
  namespace: string,
  pod: { name: string; containers: string[]; startedAt: Date; restartCount?: number },
): Promise<void> {
  const startedAt = pod.startedAt.toISOString();
  const r = await api.patch(
    `/api/v1/namespaces/${namespace}/pods/${pod.name}/status`,
    {
      status: {
        phase: 'Running',
        podIP: '192.168.0.21',
        startTime: startedAt,
        containerStatuses: pod.containers.map((name) => ({
          name,
          ready: true,
          restartCount: pod.restartCount ?? 0,
          state: { running: { startedAt } },
        })),
      },
    },
    'application/merge-patch+json',
  );
  if (r.status !== 200) throw new Error(`marking ${pod.name} running: ${r.status} ${r.text}`);
}
