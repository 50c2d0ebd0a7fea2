import { describe, expect, it } from 'vitest';
import { checkLogCollection, logPathProblem, reportFluentBitMemory } from './logPathRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';
import type { RuleContext } from './types.ts';

type Doc = Record<string, unknown>;
const logPathKey = 'logpath.k8s.io/container-0';
const refKey = 'logconf.k8s.io/fluent-bit-configmap-reference';
const at = (key: string) => `spec.template.metadata.annotations["${key}"]`;

/** Seed 11-02 with its P2 flaw left in (not this rule's business) and annotations patched. */
function logging(annotations: Doc = {}, memory?: string): Doc {
  const doc = seedFixture('11-02-deployment-logging.flawed.yaml') as {
    spec: { template: { metadata: { annotations: Doc }; spec: { containers: Doc[] } } };
  };
  Object.assign(doc.spec.template.metadata.annotations, annotations);
  if (memory !== undefined) {
    doc.spec.template.spec.containers[0] = {
      name: 'container-0',
      resources: { limits: { memory }, requests: { memory } },
    };
  }
  return doc as unknown as Doc;
}

const loggingConf = {
  labels: { 'logconf.k8s.io/discovery': 'true' },
  data: { 'output.conf': '[OUTPUT]\n    Name kafka\n    Brokers 192.168.1.3:9092\n' },
};
const ctxWith = (
  configMaps: Record<string, { labels?: Record<string, string>; data?: Record<string, string> }>,
): RuleContext => ({
  namespace: 'logs',
  configMap: (namespace, name) => (namespace === 'logs' ? configMaps[name] : undefined),
});

describe('LG2 log paths', () => {
  it('LG2 accepts the seed logging Deployment with its ConfigMap present', () => {
    expect(checkLogCollection(logging(), ctxWith({ 'cci-logging-conf': loggingConf }))).toEqual([]);
  });

  it('LG2 skips the ConfigMap lookup without a context (editor)', () => {
    expect(checkLogCollection(logging(), {})).toEqual([]);
  });

  it.each([
    '/var/log/app.log',
    '/var/log/*.log',
    '/var/log/app-*.log;/tmp/x.log',
    '/a.log;',
    `/var/log/${'f'.repeat(190)}`,
  ])('LG2 accepts %s', (value) => {
    expect(checkLogCollection(logging({ [logPathKey]: value }), {})).toEqual([]);
  });

  it.each([
    ['a relative path', 'var/log/app.log', 'absolute'],
    ['a space after ";"', '/var/log/a.log; /var/log/b.log', 'absolute'],
    ['a directory', '/var/log/', 'directory'],
    ['a wildcard directory', '/var/*/app.log', 'file name'],
    ['a long file name', `/var/log/${'f'.repeat(191)}`, '191'],
    ['nothing', '', 'separated by ";"'],
  ])('LG2 rejects %s', (_, value, hint) => {
    const found = checkLogCollection(logging({ [logPathKey]: value }), {});
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['LG2', 'error', at(logPathKey)],
    ]);
    expect(found[0]?.message.en).toContain(hint);
  });

  it('LG2 rejects a logpath annotation for a container the pod lacks', () => {
    const found = checkLogCollection(logging({ 'logpath.k8s.io/sidecar': '/var/log/a.log' }), {});
    expect(found.map((v) => v.path)).toEqual([at('logpath.k8s.io/sidecar')]);
    expect(found[0]?.message.en).toContain('container-0');
  });

  it('LG2 answers 404 when the referenced ConfigMap does not exist', () => {
    const found = checkLogCollection(logging(), ctxWith({}));
    expect(found.map((v) => [v.rule, v.path, v.status])).toEqual([['LG2', at(refKey), 404]]);
    expect(found[0]?.message.en).toContain('"logs"');
  });

  it('LG2 rejects a ConfigMap that is not a Fluent Bit configuration', () => {
    const found = checkLogCollection(
      logging(),
      ctxWith({ 'cci-logging-conf': { data: { other: 'x' } } }),
    );
    expect(found.map((v) => v.message.en)).toEqual([
      expect.stringContaining('logconf.k8s.io/discovery'),
      expect.stringContaining('output.conf'),
    ]);
  });

  it('LG2 rejects an empty ConfigMap reference', () => {
    const found = checkLogCollection(logging({ [refKey]: '' }), {});
    expect(found.map((v) => v.path)).toEqual([at(refKey)]);
  });

  it('LG2 problem text names the entry in both languages', () => {
    const problem = logPathProblem('logs/app.log');
    expect(problem?.en).toContain('logs/app.log');
    expect(problem?.['zh-CN']).toContain('绝对路径');
  });
});

describe('LG5 Fluent Bit memory', () => {
  it('LG5 informs about the 50 MB Fluent Bit takes', () => {
    const found = reportFluentBitMemory(logging(), {});
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['LG5', 'info', at(logPathKey)],
    ]);
    expect(found[0]?.message.en).toContain('50 MB');
    expect(found[0]?.message.en).toContain('2Gi');
  });

  it('LG5 warns on a small pod', () => {
    expect(reportFluentBitMemory(logging({}, '128Mi'), {}).map((v) => v.severity)).toEqual([
      'warning',
    ]);
  });

  it('LG5 says nothing without log collection', () => {
    expect(reportFluentBitMemory(seedFixture('06-02-deployment-rolling-update.yaml'), {})).toEqual(
      [],
    );
  });
});
