import { describe, expect, it } from 'vitest';
import { gpuPod, T0, series, twoContainerPod } from './metricsFixtures.ts';
import { buildChartData, chartsFor, podChartSpecs, sumPoints } from './podCharts.ts';

const spec = (id: string) => podChartSpecs.find((s) => s.id === id)!;

describe('pod charts', () => {
  it('show GPU charts only for GPU pods', () => {
    expect(chartsFor({ gpu: false }).map((s) => s.id)).toEqual([
      'cpu',
      'memory',
      'network',
      'fsIo',
      'fsUsage',
      'processes',
    ]);
    expect(chartsFor({ gpu: true }).map((s) => s.id)).toContain('gpuDuty');
    expect(chartsFor({ gpu: true }).map((s) => s.id)).toContain('gpuMemory');
  });

  it('P3 the GPU memory chart draws used and total memory of the cards as two lines', () => {
    const data = buildChartData(gpuPod(), spec('gpuMemory'), 'sum');
    expect(data.lines.map((l) => l.metric)).toEqual([
      'gpu_memory_used_bytes',
      'gpu_memory_total_bytes',
    ]);
    expect(data.rows[0]).toEqual({ t: T0, s0: 9e9, s1: 2 * 16160 * 2 ** 20 });
    expect(data.limits).toEqual([]);
    const duty = buildChartData(gpuPod(), spec('gpuDuty'), 'containers');
    expect(duty.rows.map((r) => r['s0'])).toEqual([35, 52, 47]);
  });

  it('sum points by timestamp', () => {
    expect(
      sumPoints([
        [
          [1, 1],
          [2, 2],
        ],
        [
          [2, 10],
          [3, 30],
        ],
      ]),
    ).toEqual([
      [1, 1],
      [2, 12],
      [3, 30],
    ]);
  });

  it('summed CPU adds the containers and draws the summed limit', () => {
    const data = buildChartData(twoContainerPod(), spec('cpu'), 'sum');
    expect(data.lines).toEqual([{ key: 's0', metric: 'cpu_cores', container: '' }]);
    expect(data.rows.map((r) => r['s0'])).toEqual([0.11, 0.22, 0.33].map((v) => expect.closeTo(v)));
    expect(data.limits).toEqual([{ container: '', value: 0.75 }]);
    expect(data.lastMs).toBe(T0 + 10_000);
  });

  it('per container draws one line and one limit per container', () => {
    const data = buildChartData(twoContainerPod(), spec('cpu'), 'containers');
    expect(data.lines.map((l) => l.container)).toEqual(['app', 'sidecar']);
    expect(data.rows[0]).toEqual({ t: T0, s0: 0.1, s1: 0.01 });
    expect(data.limits).toEqual([
      { container: 'app', value: 0.5 },
      { container: 'sidecar', value: 0.25 },
    ]);
  });

  it('a summed memory limit needs every container to have one', () => {
    expect(buildChartData(twoContainerPod(), spec('memory'), 'sum').limits).toEqual([]);
    expect(buildChartData(twoContainerPod(), spec('memory'), 'containers').limits).toEqual([
      { container: 'app', value: 2 ** 30 },
    ]);
  });

  it('pod-wide network series serve both views', () => {
    for (const aggregation of ['sum', 'containers'] as const) {
      const data = buildChartData(twoContainerPod(), spec('network'), aggregation);
      expect(data.lines).toEqual([
        { key: 's0', metric: 'network_rx_bytes_per_second', container: '' },
      ]);
      expect(data.rows.map((r) => r['s0'])).toEqual([1000, 2000, 1500]);
    }
  });

  it('merges metrics of one chart into shared rows, and is empty without series', () => {
    const pod = twoContainerPod({
      series: [series('processes', 'app', [3, 4]), series('threads', 'app', [9])],
    });
    const data = buildChartData(pod, spec('processes'), 'sum');
    expect(data.rows).toEqual([
      { t: T0, s0: 3, s1: 9 },
      { t: T0 + 5000, s0: 4 },
    ]);
    const empty = buildChartData(twoContainerPod({ series: [] }), spec('fsIo'), 'sum');
    expect(empty).toEqual({ lines: [], rows: [], limits: [], lastMs: 0 });
  });
});
