import parseBaseline from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { nodePayloadPods, payloadPod, renderNode, renderPod } from './cadvisorPayload.testkit.ts';
import { parsePrometheusText } from './index.ts';

function expectSameAsBaseline(text: string): void {
  const ours = parsePrometheusText(text);
  expect(ours.errors).toEqual([]);
  const theirs = parseBaseline(text);
  expect(ours.families.map((f) => [f.name, f.type, f.help])).toEqual(
    theirs.map((f) => [f.name, f.type.toLowerCase(), f.help]),
  );
  ours.families.forEach((family, i) => {
    const expected = theirs[i]?.metrics.map((m) => ({
      name: family.name,
      labels: m.labels ?? {},
      value: Number(m.value),
      ...(m.timestamp_ms === undefined ? {} : { timestampMs: Number(m.timestamp_ms) }),
    }));
    expect(family.samples, family.name).toEqual(expected);
  });
}

describe('parsePrometheusText on cAdvisor payloads (M3)', () => {
  it('M3: agrees with parse-prometheus-text-format on every label, value and timestamp of a GPU pod', () => {
    expectSameAsBaseline(renderPod(payloadPod(5, 3, true)));
  });

  it('M3: a node payload (30 pods, 80 containers) parses without errors, as the baseline reads it', () => {
    const text = renderNode(nodePayloadPods());
    expectSameAsBaseline(text);
    const total = parsePrometheusText(text).families.reduce((n, f) => n + f.samples.length, 0);
    expect(total).toBeGreaterThan(4000);
  });
});
