import { parsePrometheusText } from '@cci/prom-text';
import { describe, expect, it } from 'vitest';
import { extractReadings } from './extract.ts';
import { exposition } from './metrics.testkit.ts';
import { PodHistory } from './podHistory.ts';
import { counterRate, CounterTracker } from './rates.ts';

describe('counter rates', () => {
  it('divides the increase by the seconds between readings', () => {
    expect(counterRate({ value: 10, timeMs: 0 }, { value: 13, timeMs: 15_000 })).toBeCloseTo(0.2);
  });

  it('treats a counter that went down as reset: the increase is the new value', () => {
    // 100 s of CPU before a restart, 3 s after it, 15 s apart → 3/15 cores, not negative.
    expect(counterRate({ value: 100, timeMs: 0 }, { value: 3, timeMs: 15_000 })).toBeCloseTo(0.2);
  });

  it('has no rate for the first reading, nor for a repeated or older sample', () => {
    const t = new CounterTracker();
    expect(t.update('a', { value: 5, timeMs: 1000 })).toBeUndefined();
    expect(t.update('a', { value: 6, timeMs: 1000 })).toBeUndefined();
    expect(t.update('a', { value: 6, timeMs: 500 })).toBeUndefined();
    expect(t.update('a', { value: 7, timeMs: 3000 })).toBeCloseTo(1);
  });
});

describe('PodHistory: cAdvisor text → chart series', () => {
  const pod = { namespace: 'ns1', name: 'web' };
  const scrape = (h: PodHistory, at: number, o: Parameters<typeof exposition>[0]) =>
    h.record(extractReadings(parsePrometheusText(exposition(o)).families, pod), at);

  it('M3: CPU cores from container_cpu_usage_seconds_total over exporter time, with a reset', () => {
    const h = new PodHistory(10);
    scrape(h, 100_000, { cpuSeconds: 10, rxBytes: 0, timestampMs: 1_000_000 });
    scrape(h, 115_500, { cpuSeconds: 13, rxBytes: 30_000, timestampMs: 1_015_000 });
    scrape(h, 130_000, { cpuSeconds: 1.5, rxBytes: 45_000, timestampMs: 1_030_000 }); // restarted
    const cpu = h.points('cpu_cores', 'app', 0);
    // Stamped with scrape time; rated over the exporter's 15 s, not the late scrape's 15.5 s.
    expect(cpu).toEqual([
      [115_500, 0.2],
      [130_000, 0.1],
    ]);
    expect(h.points('network_rx_bytes_per_second', '', 0)).toEqual([
      [115_500, 2000],
      [130_000, 1000],
    ]);
  });

  it('plots gauges as read, from the first scrape, and reports units', () => {
    const h = new PodHistory(10);
    scrape(h, 1000, { cpuSeconds: 1, workingSet: 4096 });
    const series = h.series(0);
    expect(series).toEqual([
      {
        metric: 'memory_working_set_bytes',
        container: 'app',
        unit: 'bytes',
        points: [[1000, 4096]],
      },
    ]);
  });

  it('ignores samples of another pod or namespace and the pause container', () => {
    const text = `${exposition({ pod: 'other', cpuSeconds: 1 })}container_memory_working_set_bytes{container="POD",namespace="ns1",pod="web"} 7\n`;
    expect(extractReadings(parsePrometheusText(text).families, pod)).toEqual([]);
  });

  it('drops everything of the old pod when cleared (same name, new uid)', () => {
    const h = new PodHistory(10);
    scrape(h, 1000, { cpuSeconds: 50 });
    h.clear();
    scrape(h, 16_000, { cpuSeconds: 1 });
    expect(h.points('cpu_cores', 'app', 0)).toEqual([]);
  });
});

describe('GPU accelerator families', () => {
  it("averages duty cycle and sums memory over a container's GPUs", () => {
    const text = [
      '# TYPE container_accelerator_duty_cycle gauge',
      'container_accelerator_duty_cycle{acc_id="a",container="c0",namespace="ns1",pod="web"} 40',
      'container_accelerator_duty_cycle{acc_id="b",container="c0",namespace="ns1",pod="web"} 60',
      '# TYPE container_accelerator_memory_used_bytes gauge',
      'container_accelerator_memory_used_bytes{acc_id="a",container="c0",namespace="ns1",pod="web"} 1000',
      'container_accelerator_memory_used_bytes{acc_id="b",container="c0",namespace="ns1",pod="web"} 2000',
      '',
    ].join('\n');
    const readings = extractReadings(parsePrometheusText(text).families, {
      namespace: 'ns1',
      name: 'web',
    });
    expect(readings.map((r) => [r.metric, r.container, r.value])).toEqual([
      ['gpu_duty_cycle', 'c0', 50],
      ['gpu_memory_used_bytes', 'c0', 3000],
    ]);
  });
});
