import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodePayloadPods, payloadPod, renderNode, renderPod } from './cadvisorPayload.testkit.ts';
import { renderKubeStateMetrics } from './kubeStateMetricsPayload.testkit.ts';
import { ADAPTIVE_MEMO, type MemoPolicy } from './labelSetMemo.ts';
import { renderNodeExporter } from './nodeExporterPayload.testkit.ts';
import { parsePrometheusText, parseWithMemoPolicy } from './parsePrometheusText.ts';

const NEVER: MemoPolicy = { minLength: Infinity, window: Infinity, minHits: 0, pause: 0 };
const ALWAYS: MemoPolicy = { minLength: 0, window: Infinity, minHits: 0, pause: 0 };
/** Judges every 4 lookups and pauses for 3 sets: switches on and off all the time. */
const FLAPPING: MemoPolicy = { minLength: 0, window: 4, minHits: 3, pause: 3 };
const POLICIES = { ALWAYS, ADAPTIVE_MEMO, FLAPPING };

function expectSameAsWithoutMemo(text: string): void {
  const reference = parseWithMemoPolicy(text, NEVER);
  for (const [name, policy] of Object.entries(POLICIES))
    expect(parseWithMemoPolicy(text, policy), name).toEqual(reference);
}

/** Label sets that recur, differ by a char, need escapes or are malformed. */
const LABEL_SET = fc.constantFrom(
  '',
  '{}',
  '{a="1"}',
  '{a="2"}',
  '{a="1",b="x"}',
  '{b="x",a="1"}',
  '{a="1", b="x",}',
  '{ a = "1" }',
  '{a="1",a="2"}',
  '{a="q\\"uote",b="new\\nline"}',
  '{a="back\\\\slash"}',
  '{a="bad\\escape"}',
  '{a="}"}',
  '{a="}",b="2"}',
  '{__proto__="p"}',
  '{__name__="n"}',
  '{le="0.5"}',
  '{le="+Inf"}',
  '{le="x"}',
  '{quantile="0.99"}',
  '{a="1"',
  '{a=1}',
  '{1a="1"}',
  '{a="unterminated}',
  `{id="/kubepods/burstable/pod0b3f4c5d",image="registry.example.test/team/api:1.4.2",namespace="bench"}`,
  `{id="/kubepods/burstable/pod0b3f4c5e",image="registry.example.test/team/api:1.4.2",namespace="bench"}`,
);

const LINE = fc.oneof(
  fc
    .tuple(fc.constantFrom('m', 'h_bucket', 'h_sum', 'h', 's', 's_count'), LABEL_SET)
    .map(([name, labels]) => `${name}${labels} 1`),
  fc.constantFrom('# TYPE h histogram', '# TYPE s summary', '# HELP m text', '', '  ', 'm 2 100'),
);

describe('label-set memo: the output never depends on it', () => {
  it('cAdvisor, node-exporter and kube-state-metrics payloads parse alike with the memo always, adaptively, flapping or never', () => {
    for (const text of [
      renderPod(payloadPod(3, 4)),
      renderNode(nodePayloadPods()),
      renderNodeExporter(),
      renderKubeStateMetrics(40),
    ])
      expectSameAsWithoutMemo(text);
  });

  it('random texts of recurring, near-identical and malformed label sets parse alike', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 60 }), (lines) =>
        expectSameAsWithoutMemo(lines.join('\n')),
      ),
      { numRuns: 500 },
    );
  });

  it('every sample gets a labels object of its own, even when its label set was remembered', () => {
    for (const policy of [ADAPTIVE_MEMO, ALWAYS]) expectOwnLabelObjects(policy);
  });
});

function expectOwnLabelObjects(policy: MemoPolicy): void {
  const { families } = parseWithMemoPolicy(renderKubeStateMetrics(20), policy);
  const samples = families.flatMap((f) => f.samples);
  const objects = new Set(samples.map((s) => s.labels));
  expect(objects.size).toBe(samples.length);
  // The same pod and container in two families: the second set is a remembered one.
  const firstOf = (name: string) => families.find((f) => f.name === name)?.samples[0];
  const first = firstOf('kube_pod_container_status_waiting');
  const second = firstOf('kube_pod_container_status_running');
  expect(second?.labels).toEqual(first?.labels);
  if (first) first.labels['container'] = 'changed';
  expect(second?.labels['container']).not.toBe('changed');
}

describe('generated node-exporter and kube-state-metrics payloads (bench inputs)', () => {
  it('parse without errors into the families and label names the exporters write', () => {
    const node = parsePrometheusText(renderNodeExporter());
    expect(node.errors).toEqual([]);
    const cpu = node.families.find((f) => f.name === 'node_cpu_seconds_total');
    expect(cpu?.type).toBe('counter');
    expect(cpu?.samples).toHaveLength(16 * 8);
    expect(Object.keys(cpu?.samples[0]?.labels ?? {})).toEqual(['cpu', 'mode']);
    const gc = node.families.find((f) => f.name === 'go_gc_duration_seconds');
    expect(gc?.samples.map((s) => s.name)).toContain('go_gc_duration_seconds_count');

    const ksm = parsePrometheusText(renderKubeStateMetrics(10));
    expect(ksm.errors).toEqual([]);
    const phase = ksm.families.find((f) => f.name === 'kube_pod_status_phase');
    expect(phase?.samples).toHaveLength(10 * 5);
    expect(Object.keys(phase?.samples[0]?.labels ?? {})).toEqual([
      'namespace',
      'pod',
      'uid',
      'phase',
    ]);
  });

  it('are the same text for the same seed and differ for another', () => {
    expect(renderKubeStateMetrics(5, 7)).toBe(renderKubeStateMetrics(5, 7));
    expect(renderKubeStateMetrics(5, 7)).not.toBe(renderKubeStateMetrics(5, 8));
    expect(renderNodeExporter(3)).not.toBe(renderNodeExporter(4));
  });
});
