import { describe, expect, it } from 'vitest';
import { nodePayloadPods, payloadPod, renderNode, renderPod } from './cadvisorPayload.testkit.ts';
import { parsePrometheusText } from '@cci/prom-text';

/**
 * What the exporter rendered, counted from the text itself without a parser: one HELP line per
 * family, then its sample lines (`name{...} value ts` or `name value`).
 */
function renderedCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const strays: string[] = [];
  let family = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('# HELP ')) {
      family = line.split(' ')[2] ?? '';
      counts.set(family, 0);
    } else if (line !== '' && !line.startsWith('#')) {
      if (!line.startsWith(`${family}{`) && !line.startsWith(`${family} `)) strays.push(line);
      counts.set(family, (counts.get(family) ?? 0) + 1);
    }
  }
  expect(strays).toEqual([]);
  return counts;
}

describe('the cAdvisor exporter read by @cci/prom-text (M3 payloads)', () => {
  it('M3: a 4-container pod scrape: the same families and sample counts as rendered', () => {
    const text = renderPod(payloadPod(3, 4));
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    const counts = renderedCounts(text);
    expect(counts.size).toBe(56);
    expect(new Map(families.map((f) => [f.name, f.samples.length]))).toEqual(counts);
    for (const f of families) {
      expect(f.help, f.name).toMatch(/\S/);
      expect(['counter', 'gauge'], f.name).toContain(f.type);
    }
  });

  it('M3: a node payload (30 pods, one with a GPU): 59 families, counts as rendered', () => {
    const text = renderNode(nodePayloadPods());
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    const counts = renderedCounts(text);
    expect(counts.size).toBe(59);
    expect(new Map(families.map((f) => [f.name, f.samples.length]))).toEqual(counts);
    const total = families.reduce((n, f) => n + f.samples.length, 0);
    expect(total).toBeGreaterThan(4000);
  });

  it('M3: cAdvisor series labels come back exactly, including escaped container names', () => {
    const tricky = 'we"ird\\name\nx';
    const pod = payloadPod(1, 1);
    const container = pod.spec?.containers?.[0];
    if (!container) throw new Error('fixture has a container');
    container.name = tricky;
    const status = pod.status?.containerStatuses?.[0];
    if (status) status.name = tricky;
    const text = renderPod(pod);
    expect(text).toContain('container="we\\"ird\\\\name\\nx"');
    const { families, errors } = parsePrometheusText(text);
    expect(errors).toEqual([]);
    const threads = families.find((f) => f.name === 'container_threads');
    expect(threads?.samples.map((s) => s.labels['container'])).toEqual(['', tricky]);
    expect(Object.keys(threads?.samples[1]?.labels ?? {})).toEqual([
      'container',
      'id',
      'image',
      'name',
      'namespace',
      'pod',
    ]);
  });
});
