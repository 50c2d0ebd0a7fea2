import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RuleContext, RuleViolation } from './types.ts';
import { seedFixtureNames, seedFixturePath } from './seedFixtures.testkit.ts';
import { resourceRuleIds, resourceRuleTable } from './workloadRules.ts';

function seedDocuments(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(seedFixturePath(file), 'utf8'))
    .map((d): unknown => d.toJS())
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null);
}

function validate(doc: Record<string, unknown>, ctx: RuleContext = {}): RuleViolation[] {
  const rules = resourceRuleTable[String(doc['kind'])] ?? [];
  return rules.flatMap((rule) => rule(doc, ctx));
}

const errorsOf = (violations: RuleViolation[]) => violations.filter((v) => v.severity === 'error');
const seedFiles = seedFixtureNames;
const ownKinds = Object.keys(resourceRuleTable);
const cleanOwn = seedFiles
  .filter((f) => !f.includes('.flawed.'))
  .flatMap((file) => seedDocuments(file).map((doc) => ({ file, doc })))
  .filter(({ doc }) => ownKinds.includes(String(doc['kind'])));

describe('resourceRuleTable', () => {
  it('covers every non-pod, non-namespace kind of the seed', () => {
    expect(ownKinds.sort()).toEqual(
      [
        'ConfigMap',
        'CronJob',
        'EIPPool',
        'ImageSnapshot',
        'Ingress',
        'Job',
        'PersistentVolumeClaim',
        'Secret',
        'Service',
      ].sort(),
    );
  });

  it('finds seed manifests of all nine kinds to check', () => {
    expect(new Set(cleanOwn.map(({ doc }) => doc['kind'])).size).toBe(9);
  });

  it.each(cleanOwn.map(({ file, doc }) => [file, doc] as const))(
    'SV1 SV2 IG1 PV1 C1 C2 LG1 LG3 J1 J3 E1 E2 E3 S1 accept the non-flawed seed manifest %s',
    (_file, doc) => {
      expect(errorsOf(validate(doc))).toEqual([]);
    },
  );

  it('only reports rule IDs it declares in resourceRuleIds', () => {
    const flawed = seedFiles.filter((f) => f.includes('.flawed.')).flatMap(seedDocuments);
    const reported = [...cleanOwn.map(({ doc }) => doc), ...flawed].flatMap((doc) =>
      validate(doc).map((v) => v.rule),
    );
    expect(reported.length).toBeGreaterThan(10);
    for (const rule of reported) expect(resourceRuleIds).toContain(rule);
  });
});

describe('flawed seed manifests', () => {
  const rulesAt = (file: string) =>
    errorsOf(seedDocuments(file).flatMap((doc) => validate(doc))).map((v) => `${v.rule} ${v.path}`);

  it('E1 07-03: metadata "name:eippool-demo2" is text, so the static pool has no name', () => {
    expect(rulesAt('07-03-eippool-static.flawed.yaml')).toEqual(['E1 metadata']);
  });

  it('E1 07-07: the updated static pool has the same missing space after the colon', () => {
    expect(rulesAt('07-07-eippool-static-updated.flawed.yaml')).toEqual(['E1 metadata']);
  });

  it('LG1 11-01: the keys under [OUTPUT] are indented 2 spaces (lines 2-5 of output.conf)', () => {
    const violations = errorsOf(
      seedDocuments('11-01-configmap-logging.flawed.yaml').flatMap((d) => validate(d)),
    );
    expect(violations.map((v) => v.message.en.match(/line (\d+)/)?.[1])).toEqual([
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(violations.every((v) => v.rule === 'LG1' && v.path === 'data["output.conf"]')).toBe(
      true,
    );
  });

  it('LG1 11-04: the discovery label is a YAML boolean, and the keys are indented 2 spaces', () => {
    const found = rulesAt('11-04-configmap-logging-tls.flawed.yaml');
    expect(found[0]).toBe('LG1 metadata.labels["logconf.k8s.io/discovery"]');
    expect(found.filter((f) => f === 'LG1 data["output.conf"]')).toHaveLength(10);
  });

  it('IG1 12-07: the redirect Ingress lacks the CCI labels and ELB annotations', () => {
    expect(rulesAt('12-07-ingress-redirect.flawed.yaml')).toEqual([
      'IG1 metadata.labels.isExternal',
      'IG1 metadata.labels.zone',
      'IG1 metadata.annotations["kubernetes.io/elb.id"]',
      'IG1 metadata.annotations["kubernetes.io/elb.port"]',
    ]);
  });

  it('PV1 13-02: class sfs does not exist and the comma-less annotations are not strings', () => {
    const found = rulesAt('13-02-pvc-sfs.flawed.yaml');
    expect(found).toContain('PV1 spec.storageClassName');
    expect(found).toContain('PV1 metadata.annotations["paas.storage.io/cryptKeyId"]');
  });
});

describe('EIPPool updates through the table', () => {
  it('E5 accepts scaling the seed pool eippool-demo1 from 3 to 5 EIPs', () => {
    const [before] = seedDocuments('07-01-eippool-dynamic-per.yaml');
    const [after] = seedDocuments('07-06-eippool-dynamic-scaled.yaml');
    expect(after).toBeDefined();
    const ctx: RuleContext = { operation: 'UPDATE', oldObject: before };
    expect(errorsOf(validate(after ?? {}, ctx))).toEqual([]);
  });

  it('E5 refuses turning the PER seed pool into the WHOLE one', () => {
    const [before] = seedDocuments('07-01-eippool-dynamic-per.yaml');
    const [after] = seedDocuments('07-02-eippool-dynamic-whole.yaml');
    const ctx: RuleContext = { operation: 'UPDATE', oldObject: before };
    const paths = errorsOf(validate(after ?? {}, ctx)).map((v) => `${v.rule} ${v.path}`);
    expect(paths).toContain('E5 spec.eipAttributes.bandwidth.shareType');
    expect(paths).toContain('E5 spec.eipAttributes.bandwidth.id');
  });
});
