/**
 * Realistic cAdvisor payloads for tests, rendered by the emulator's exporter
 * (the same code that answers `pods/<pod>:19100/proxy/metrics`). Not part of the package API.
 */
import { renderPodMetrics } from './renderPodMetrics.ts';

type PodShape = Parameters<typeof renderPodMetrics>[0];

export const PAYLOAD_T0 = Date.parse('2024-05-01T10:00:00Z');

const IMAGES = [
  'nginx:alpine',
  'redis:7',
  'busybox',
  'perl:5.38',
  'registry.example.test/team/api:1.4.2',
];

/** A running pod with `containers` containers; `gpu` adds an nvidia.com/gpu-* limit to the first. */
export function payloadPod(index: number, containers: number, gpu = false): PodShape {
  const started = new Date(PAYLOAD_T0 - index * 60_000).toISOString();
  const specs = Array.from({ length: containers }, (_, c) => {
    const limits: Record<string, string> = {
      cpu: `${500 * (c + 1)}m`,
      memory: `${512 * (c + 1)}Mi`,
    };
    if (gpu && c === 0) limits['nvidia.com/gpu-tesla-v100-16GB'] = '1';
    return {
      name: `app-${c}`,
      image: IMAGES[(index + c) % IMAGES.length],
      resources: { limits, requests: limits },
    };
  });
  const hex = index.toString(16).padStart(12, '0');
  return {
    metadata: {
      name: `web-${index}`,
      namespace: 'bench',
      uid: `0b3f4c5d-1111-4222-8333-${hex}`,
      creationTimestamp: started,
    },
    spec: { containers: specs },
    status: {
      phase: 'Running',
      podIP: `192.168.0.${index % 250}`,
      startTime: started,
      containerStatuses: specs.map((s) => ({
        name: s.name,
        restartCount: 0,
        state: { running: { startedAt: started } },
      })),
    },
  };
}

/** One pod's scrape, exactly as its metrics agent serves it. */
export function renderPod(pod: PodShape, atMs = PAYLOAD_T0 + 3_600_000): string {
  return renderPodMetrics(pod, atMs);
}

/**
 * What a node-level cAdvisor serves for many pods: each family's HELP and TYPE once, then the
 * samples of every pod. Built by regrouping the per-pod texts line by line (each family block
 * starts with its HELP line), which needs no parser.
 */
export function renderNode(pods: PodShape[], atMs = PAYLOAD_T0 + 3_600_000): string {
  const blocks = new Map<string, { header: string[]; samples: string[] }>();
  for (const pod of pods) {
    let current: { header: string[]; samples: string[] } | undefined;
    for (const line of renderPodMetrics(pod, atMs).split('\n')) {
      if (line === '') continue;
      if (line.startsWith('# HELP ')) {
        const name = line.split(' ')[2] ?? '';
        const existing = blocks.get(name);
        current = existing ?? { header: [line], samples: [] };
        if (!existing) blocks.set(name, current);
      } else if (line.startsWith('# TYPE ')) {
        if (current && current.header.length === 1) current.header.push(line);
      } else {
        current?.samples.push(line);
      }
    }
  }
  return [...blocks.values()].map((b) => [...b.header, ...b.samples].join('\n')).join('\n') + '\n';
}

/** 30 pods of 1–4 containers (one with a GPU): 80 containers, about 2 MB of text. */
export function nodePayloadPods(): PodShape[] {
  return Array.from({ length: 30 }, (_, i) => payloadPod(i, 1 + (i % 4), i === 7));
}
