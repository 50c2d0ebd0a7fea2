import { describe, expect, it } from 'vitest';
import type { PodEntry } from './metricsHub.ts';
import { podObject } from './metrics.testkit.ts';
import { PodHistory } from './podHistory.ts';
import { podFacts } from './podTarget.ts';
import { downsample, topResponse } from './responses.ts';

function entry(name: string, cpu: number[], memory: number[], annotations = {}): PodEntry {
  const history = new PodHistory(100);
  cpu.forEach((v, i) =>
    history.record([{ metric: 'cpu_cores', container: '', kind: 'gauge', value: v }], i * 1000),
  );
  memory.forEach((v, i) =>
    history.record(
      [{ metric: 'memory_working_set_bytes', container: 'app', kind: 'gauge', value: v }],
      i * 1000,
    ),
  );
  return {
    key: name,
    facts: podFacts(podObject(name, { annotations }), { namespace: 'ns1', name }),
    history,
    viewers: new Map(),
    lastViewedMs: 0,
    scrapes: 0,
  };
}

describe('namespace overview (top pods)', () => {
  it('orders pods by latest CPU and memory, counts states, sums limits', () => {
    const top = topResponse(
      'ns1',
      [
        entry('a', [0.1, 0.3], [100]),
        entry('b', [0.5, 0.2], [300]),
        entry('c', [], [], { 'monitoring.cci.io/enable-pod-metrics': 'false' }),
      ],
      300,
      15,
      5000,
    );
    expect(top.byCpu.map((r) => [r.pod, r.cpuCores])).toEqual([
      ['a', 0.3],
      ['b', 0.2],
    ]);
    // Memory: no pod-wide series here, so the containers' are summed.
    expect(top.byMemory.map((r) => [r.pod, r.memoryWorkingSetBytes])).toEqual([
      ['b', 300],
      ['a', 100],
    ]);
    expect(top.counts).toEqual({ scraped: 2, metricsOff: 1, notRunning: 0, error: 0 });
    expect(top.byCpu[0]).toMatchObject({
      cpuLimitCores: 0.75,
      memoryLimitBytes: 2 ** 30 + 2 ** 28,
    });
    expect(top.byCpu[0]?.cpuSparkline).toEqual([
      [0, 0.1],
      [1000, 0.3],
    ]);
  });

  it('sparklines keep at most 30 bucket averages', () => {
    const points = Array.from({ length: 240 }, (_, i) => [i, i % 2] as [number, number]);
    const line = downsample(points);
    expect(line).toHaveLength(30);
    expect(line.every(([, v]) => v === 0.5)).toBe(true);
  });
});
