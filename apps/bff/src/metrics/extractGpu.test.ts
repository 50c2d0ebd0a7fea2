import { renderPodMetrics } from '@cci/emulator';
import { parsePrometheusText } from '@cci/prom-text';
import { describe, expect, it } from 'vitest';
import { extractReadings } from './extract.ts';
import { PodHistory } from './podHistory.ts';

/** The seed's GPU pod (ch. 4 "使用 GPU", rule P3): two V100 16 GB cards here, to see combining. */
function gpuPod(gpus: Record<string, string>) {
  const started = '2026-01-01T00:00:00Z';
  return {
    metadata: { name: 'gpu-test', namespace: 'gpu-lab', uid: 'uid-gpu-test' },
    spec: {
      containers: [
        {
          name: 'container-0',
          image: 'tensorflow:latest',
          resources: {
            limits: { cpu: '4000m', memory: '32Gi', ...gpus },
            requests: { cpu: '4000m', memory: '32Gi', ...gpus },
          },
        },
      ],
    },
    status: {
      phase: 'Running',
      startTime: started,
      containerStatuses: [{ name: 'container-0', state: { running: { startedAt: started } } }],
    },
  };
}

const at = Date.parse('2026-01-01T00:10:00Z');
const pod = { namespace: 'gpu-lab', name: 'gpu-test' };
const read = (p: ReturnType<typeof gpuPod>) =>
  extractReadings(parsePrometheusText(renderPodMetrics(p, at)).families, pod);

describe('GPU series from the emulated cAdvisor exporter (P3, M3)', () => {
  it('P3 M3 a pod with nvidia.com/gpu-tesla-v100-16GB: 2 gets duty cycle, memory used and total', () => {
    const readings = read(gpuPod({ 'nvidia.com/gpu-tesla-v100-16GB': '2' }));
    const gpu = readings.filter((r) => r.metric.startsWith('gpu_'));
    expect(gpu.map((r) => [r.metric, r.container, r.kind])).toEqual([
      ['gpu_duty_cycle', 'container-0', 'gauge'],
      ['gpu_memory_used_bytes', 'container-0', 'gauge'],
      ['gpu_memory_total_bytes', 'container-0', 'gauge'],
    ]);
    const value = (m: string) => gpu.find((r) => r.metric === m)?.value ?? NaN;
    // Two cards: memory adds up, the duty cycle is their average (a percentage).
    expect(value('gpu_memory_total_bytes')).toBe(2 * 16160 * 2 ** 20);
    expect(value('gpu_memory_used_bytes')).toBeGreaterThan(0);
    expect(value('gpu_memory_used_bytes')).toBeLessThanOrEqual(value('gpu_memory_total_bytes'));
    expect(value('gpu_duty_cycle')).toBeGreaterThanOrEqual(0);
    expect(value('gpu_duty_cycle')).toBeLessThanOrEqual(100);
    // GPU families are per container only: no pod-wide ('') GPU series.
    expect(gpu.every((r) => r.container === 'container-0')).toBe(true);
    expect(gpu.every((r) => r.timestampMs === at)).toBe(true);
  });

  it('P3 the T4 card reports its own memory size', () => {
    const total = read(gpuPod({ 'nvidia.com/gpu-tesla-t4': '1' })).find(
      (r) => r.metric === 'gpu_memory_total_bytes',
    );
    expect(total?.value).toBe(15109 * 2 ** 20);
  });

  it('a pod without GPU resources yields no GPU readings', () => {
    expect(read(gpuPod({})).filter((r) => r.metric.startsWith('gpu_'))).toEqual([]);
  });

  it('GPU gauges land in the history as plotted series, after the CPU and memory ones', () => {
    const history = new PodHistory(10);
    const p = gpuPod({ 'nvidia.com/gpu-tesla-v100-32GB': '1' });
    history.record(read(p), at);
    const metrics = history.series(0).map((s) => s.metric);
    expect(metrics.slice(-3)).toEqual([
      'gpu_duty_cycle',
      'gpu_memory_used_bytes',
      'gpu_memory_total_bytes',
    ]);
    expect(history.points('gpu_memory_total_bytes', 'container-0', 0)).toEqual([
      [at, 32510 * 2 ** 20],
    ]);
  });
});
