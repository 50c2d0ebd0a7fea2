import { describe, expect, it } from 'vitest';
import { ruleIds, validateDocument } from './index.ts';
import { loadSeedFixture, seedFixture, seedFixtureNames } from './seedFixtures.testkit.ts';
import type { RuleContext, RuleViolation } from './types.ts';

/** The rules this half of the rule set owns; the other half is tested beside workloadRules.ts. */
const podRuleIds = new Set([
  'N1',
  'N2',
  'N3',
  'N5',
  'N6',
  'P1',
  'P2',
  'P3',
  'P8',
  'P10',
  'PV2',
  'M1',
  'M2',
  'M4',
  'LG2',
  'LG5',
  'EIP1',
  'EIP2',
  'EIP3',
  'EIP4',
  'EIP5',
  'EIP7',
  'E4',
  'S3',
]);

const loggingConf = seedFixture('11-01-configmap-logging.flawed.yaml') as {
  metadata: { labels: Record<string, string> };
  data: Record<string, string>;
};

/** What the emulator knows after creating the seed's other objects. */
function emulatorContext(fixture: string): RuleContext {
  return {
    namespace: 'demo',
    operation: 'CREATE',
    namespaceFlavor: () => (fixture.includes('gpu') ? 'gpu-accelerated' : 'general-computing'),
    configMap: (_, name) =>
      name === 'cci-logging-conf'
        ? { labels: loggingConf.metadata.labels, data: loggingConf.data }
        : undefined,
    eipById: (id) =>
      id === '65eb3679-7a8d-4b24-b681-0b661a5e7fcb' ? { id, address: '203.0.113.5' } : undefined,
    eipPool: (_, name) => (name === 'eippool-demo1' ? { spec: { amount: 3 } } : undefined),
    imageSnapshot: (name) => (name === 'my-imagesnapshot' ? { phase: 'Available' } : undefined),
  };
}

const ownErrors = (found: RuleViolation[]) =>
  found
    .filter((v) => v.severity === 'error' && podRuleIds.has(v.rule))
    .map((v) => [v.rule, v.path]);

const expectedFlaws: Record<string, [string, string][]> = {
  '04-05-deployment-init-containers.flawed.yaml': [
    ['P1', 'spec.template.spec.containers[0].resources.requests.cpu'],
  ],
  '07-04-pod-with-eippool.flawed.yaml': [['E4', 'metadata.annotations']],
  '08-01-deployment-pod-with-eip-per.flawed.yaml': [
    ['EIP1', 'spec.template.metadata.annotations["yangtse.io/eip-network-type"]'],
  ],
  '08-03-pod-with-eip-wait-init.flawed.yaml': [
    ['EIP1', 'metadata.annotations["yangtse.io/eip-network-type"]'],
  ],
  '11-02-deployment-logging.flawed.yaml': [['P2', 'spec.template.spec.imagePullSecrets[0].name']],
  '11-05-deployment-logging-tls.flawed.yaml': [
    ['P2', 'spec.template.spec.imagePullSecrets[0].name'],
  ],
};

describe('validateDocument over the seed manifests', () => {
  const parsed = seedFixtureNames.filter((name) => loadSeedFixture(name) !== undefined);

  it.each(parsed.filter((name) => !name.includes('.flawed.')))(
    'N/P/EIP/LG/M/S3 find no error in %s, with or without lookups',
    (name) => {
      const doc = seedFixture(name);
      expect(ownErrors(validateDocument(doc, emulatorContext(name)))).toEqual([]);
      expect(ownErrors(validateDocument(doc))).toEqual([]);
    },
  );

  it.each(parsed.filter((name) => name.includes('.flawed.')))(
    'N/P/EIP/LG/M/S3 report exactly the documented flaw of %s that falls under them',
    (name) => {
      const found = validateDocument(seedFixture(name), emulatorContext(name));
      expect(ownErrors(found)).toEqual(expectedFlaws[name] ?? []);
    },
  );

  it('P3 rejects the GPU pod 04-02 in a general-computing namespace', () => {
    const ctx = { ...emulatorContext('cpu'), namespace: 'cpu-only' };
    expect(ownErrors(validateDocument(seedFixture('04-02-pod-gpu.yaml'), ctx))).toEqual([
      ['P3', 'spec.containers[0].resources.limits["nvidia.com/gpu-tesla-v100-16GB"]'],
    ]);
  });

  it('P8 reports the seed example 04-06 as 2Gi / 750m', () => {
    const info = validateDocument(seedFixture('04-06-pod-spec-calculation.yaml')).find(
      (v) => v.rule === 'P8',
    );
    expect(info?.message.en).toContain('cpu 750m, memory 2Gi');
  });

  it('runs the other half of the rule set for its kinds (J1 on a Job)', () => {
    const job = seedFixture('15-01-job.yaml');
    (
      (job.spec as Record<string, unknown>).template as { spec: Record<string, unknown> }
    ).spec.restartPolicy = 'Always';
    expect(validateDocument(job).map((v) => v.rule)).toContain('J1');
  });

  it('runs pod rules in CronJob templates', () => {
    const cronJob = seedFixture('15-02-cronjob.yaml');
    const template = (
      cronJob.spec as {
        jobTemplate: { spec: { template: { spec: { imagePullSecrets?: unknown } } } };
      }
    ).jobTemplate.spec.template;
    template.spec.imagePullSecrets = [{ name: 'default-secret' }];
    expect(ownErrors(validateDocument(cronJob))).toEqual([
      ['P2', 'spec.jobTemplate.spec.template.spec.imagePullSecrets[0].name'],
    ]);
  });

  it.each([{}, { kind: 42 }, { kind: 'Unknown', spec: {} }])('returns nothing for %j', (doc) => {
    expect(validateDocument(doc)).toEqual([]);
  });

  it('every message has both languages and no rule ID in its text', () => {
    let seen = 0;
    for (const name of parsed) {
      const found = validateDocument(seedFixture(name), emulatorContext(name));
      for (const v of found) {
        seen += 1;
        expect(v.message.en, v.rule).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
        expect(v.message['zh-CN'], v.rule).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
        expect(v.message['zh-CN'], v.rule).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('ruleIds', () => {
  it('lists every rule of both halves once', () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const id of [...podRuleIds, 'LG1', 'J1', 'E2', 'S1']) expect(ruleIds).toContain(id);
  });
});
