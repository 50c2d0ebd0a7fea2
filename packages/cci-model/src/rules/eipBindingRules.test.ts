import { describe, expect, it } from 'vitest';
import { checkEipId, checkEipPoolReference } from './eipBindingRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';
import type { RuleContext } from './types.ts';

type Doc = Record<string, unknown>;
const eipId = '65eb3679-7a8d-4b24-b681-0b661a5e7fcb';
const key = (name: string) => `yangtse.io/${name}`;
const at = (name: string) => `metadata.annotations["yangtse.io/${name}"]`;

function pod(annotations: Doc): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'eip', annotations },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
}

describe('EIP2/EIP5 existing EIP', () => {
  const eips = (entry?: { usedBy?: string; pool?: string }): RuleContext => ({
    namespace: 'eip',
    eipById: (id) => (id === eipId && entry ? { id, address: '203.0.113.7', ...entry } : undefined),
  });

  it('EIP2 accepts the seed Deployment 08-04 when the EIP exists and is free', () => {
    expect(checkEipId(seedFixture('08-04-deployment-eip-id.yaml'), eips({}))).toEqual([]);
  });

  it('EIP2 answers 404 for an unknown EIP id', () => {
    const found = checkEipId(seedFixture('08-05-pod-eip-id-wait-init.yaml'), eips());
    expect(found.map((v) => [v.rule, v.status, v.path])).toEqual([['EIP2', 404, at('eip-id')]]);
  });

  it('EIP2 rejects an EIP that belongs to an EIPPool', () => {
    const found = checkEipId(pod({ [key('eip-id')]: eipId }), eips({ pool: 'eippool-demo1' }));
    expect(found.map((v) => v.rule)).toEqual(['EIP2']);
    expect(found[0]?.message.en).toContain('eippool-demo1');
  });

  it('EIP5 rejects binding an EIP that NAT or ELB holds, with 409', () => {
    const found = checkEipId(pod({ [key('eip-id')]: eipId }), eips({ usedBy: 'nat' }));
    expect(found.map((v) => [v.rule, v.severity, v.status])).toEqual([['EIP5', 'error', 409]]);
  });

  it('EIP5 lets a re-created pod wait for an EIP another pod still holds (warning)', () => {
    const found = checkEipId(pod({ [key('eip-id')]: eipId }), eips({ usedBy: 'eip/other' }));
    expect(found.map((v) => [v.rule, v.severity])).toEqual([['EIP5', 'warning']]);
    expect(found[0]?.message.en).toMatch(/waits until it is released/);
  });

  it.each(['web', 'eip/web'])('EIP5 accepts an EIP held by the pod itself (%s)', (usedBy) => {
    expect(checkEipId(pod({ [key('eip-id')]: eipId }), eips({ usedBy }))).toEqual([]);
  });

  it('EIP5 warns when several replicas would share one EIP', () => {
    const doc = seedFixture('08-04-deployment-eip-id.yaml');
    (doc.spec as Doc).replicas = 3;
    const found = checkEipId(doc, {});
    expect(found.map((v) => [v.rule, v.severity])).toEqual([['EIP5', 'warning']]);
  });

  it('EIP2 does not look the EIP up on a pod update (EIP4)', () => {
    const ctx = { ...eips(), operation: 'UPDATE' as const };
    expect(checkEipId(pod({ [key('eip-id')]: eipId }), ctx)).toEqual([]);
  });
});

describe('E4 EIPPool reference', () => {
  const pools: RuleContext = {
    namespace: 'eip',
    eipPool: (ns, name) => (ns === 'eip' && name === 'eippool-demo1' ? {} : undefined),
  };

  it('E4 accepts a pool of the pod namespace', () => {
    expect(checkEipPoolReference(pod({ [key('eip-pool')]: 'eippool-demo1' }), pools)).toEqual([]);
  });

  it('E4 answers 404 for a pool that does not exist in the namespace', () => {
    const found = checkEipPoolReference(pod({ [key('eip-pool')]: 'missing' }), pools);
    expect(found.map((v) => [v.rule, v.status, v.path])).toEqual([['E4', 404, at('eip-pool')]]);
  });

  it('E4 skips the lookup without a context and rejects an empty name', () => {
    expect(checkEipPoolReference(pod({ [key('eip-pool')]: 'missing' }), {})).toEqual([]);
    expect(checkEipPoolReference(pod({ [key('eip-pool')]: '' }), {}).map((v) => v.rule)).toEqual([
      'E4',
    ]);
  });
});
