import { describe, expect, it } from 'vitest';
import {
  checkAllocatedEipInEnv,
  checkEipAnnotationChanges,
  checkEipAnnotationText,
  checkPodWithEip,
  reportEipPriority,
} from './eipAnnotationRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';

type Doc = Record<string, unknown>;
const eipId = '65eb3679-7a8d-4b24-b681-0b661a5e7fcb';
const key = (name: string) => `yangtse.io/${name}`;
const at = (name: string) => `metadata.annotations["yangtse.io/${name}"]`;

function pod(annotations: Doc, containers: Doc[] = [{ name: 'c', image: 'nginx' }]): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'eip', annotations },
    spec: { containers },
  };
}

const withEip = (extra: Doc = {}) => pod({ [key('pod-with-eip')]: 'true', ...extra });

describe('EIP1 EIP created with the pod', () => {
  it('EIP1 accepts the seed shared-bandwidth Deployment 08-02', () => {
    expect(checkPodWithEip(seedFixture('08-02-deployment-pod-with-eip-whole.yaml'), {})).toEqual(
      [],
    );
  });

  it.each([
    ['08-01-deployment-pod-with-eip-per.flawed.yaml', `spec.template.${at('eip-network-type')}`],
    ['08-03-pod-with-eip-wait-init.flawed.yaml', at('eip-network-type')],
  ])('EIP1 reports network type 5_g-vm in seed %s', (fixture, path) => {
    const found = checkPodWithEip(seedFixture(fixture), {});
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([['EIP1', 'error', path]]);
    expect(found[0]?.message.en).toContain('5_g-vm');
    expect(found[0]?.fix?.set).toEqual([{ path, value: '5_bgp' }]);
  });

  it.each(['1', '5', '200'])('EIP1 accepts bandwidth size %s', (size) => {
    expect(checkPodWithEip(withEip({ [key('eip-bandwidth-size')]: size }), {})).toEqual([]);
  });

  it.each(['0', '201', '5.5', 'five', 5])('EIP1 rejects bandwidth size %j', (size) => {
    const found = checkPodWithEip(withEip({ [key('eip-bandwidth-size')]: size }), {});
    expect(found.map((v) => v.path)).toEqual([at('eip-bandwidth-size')]);
  });

  it.each([
    ...['5_telcom', '5_union', '5_bgp', '5_sbgp', '5_ipv6'].map((t) => ['eip-network-type', t]),
    ['eip-charge-mode', 'traffic'],
  ])('EIP1 accepts %s %s', (name, value) => {
    expect(checkPodWithEip(withEip({ [key(name)]: value }), {})).toEqual([]);
  });

  it('EIP1 rejects an unknown charge mode and offers bandwidth', () => {
    const [found] = checkPodWithEip(withEip({ [key('eip-charge-mode')]: 'monthly' }), {});
    expect(found?.fix?.set).toEqual([{ path: at('eip-charge-mode'), value: 'bandwidth' }]);
  });

  it('EIP1 rejects size, name and charge mode beside a shared bandwidth id', () => {
    const found = checkPodWithEip(
      withEip({
        [key('eip-bandwidth-id')]: 'bw-1',
        [key('eip-bandwidth-size')]: '5',
        [key('eip-bandwidth-name')]: 'n',
        [key('eip-charge-mode')]: 'bandwidth',
      }),
      {},
    );
    expect(found.map((v) => v.path).sort()).toEqual(
      [at('eip-bandwidth-size'), at('eip-bandwidth-name'), at('eip-charge-mode')].sort(),
    );
    expect(found[0]?.fix?.remove).toHaveLength(1);
  });

  it('EIP1 warns that options without pod-with-eip do nothing', () => {
    const found = checkPodWithEip(pod({ [key('eip-bandwidth-size')]: '5' }), {});
    expect(found.map((v) => [v.severity, v.path])).toEqual([['warning', at('eip-bandwidth-size')]]);
  });

  it('EIP1 warns that only "true" turns pod-with-eip on', () => {
    const found = checkPodWithEip(pod({ [key('pod-with-eip')]: 'yes' }), {});
    expect(found.map((v) => [v.severity, v.path])).toEqual([['warning', at('pod-with-eip')]]);
  });
});

describe('EIP3 priority', () => {
  it('EIP3 names eip-id as the winner over pod-with-eip and eip-pool', () => {
    const found = reportEipPriority(
      pod({ [key('eip-id')]: eipId, [key('pod-with-eip')]: 'true', [key('eip-pool')]: 'p' }),
      {},
    );
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['EIP3', 'info', at('eip-id')],
    ]);
    expect(found[0]?.fix?.remove).toEqual([at('pod-with-eip'), at('eip-pool')]);
  });

  it('EIP3 names pod-with-eip over eip-pool', () => {
    const found = reportEipPriority(
      pod({ [key('pod-with-eip')]: 'true', [key('eip-pool')]: 'p' }),
      {},
    );
    expect(found.map((v) => v.path)).toEqual([at('pod-with-eip')]);
  });

  it('EIP3 is quiet with a single source or pod-with-eip "false"', () => {
    expect(reportEipPriority(pod({ [key('eip-pool')]: 'p' }), {})).toEqual([]);
    expect(
      reportEipPriority(pod({ [key('pod-with-eip')]: 'false', [key('eip-pool')]: 'p' }), {}),
    ).toEqual([]);
  });
});

describe('EIP4 annotation changes on update', () => {
  it('EIP4 warns about a changed EIP annotation on a Pod update', () => {
    const before = pod({ [key('eip-pool')]: 'a' });
    const after = pod({ [key('eip-pool')]: 'b' });
    const found = checkEipAnnotationChanges(after, { operation: 'UPDATE', oldObject: before });
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['EIP4', 'warning', at('eip-pool')],
    ]);
  });

  it('EIP4 ignores the allocated address, creations and Deployments', () => {
    const before = pod({ [key('eip-pool')]: 'a' });
    const after = pod({ [key('eip-pool')]: 'a', [key('allocated-ipv4-eip')]: '203.0.113.9' });
    expect(checkEipAnnotationChanges(after, { operation: 'UPDATE', oldObject: before })).toEqual(
      [],
    );
    expect(
      checkEipAnnotationChanges(pod({ [key('eip-pool')]: 'b' }), { operation: 'CREATE' }),
    ).toEqual([]);
    const deployment = seedFixture('08-04-deployment-eip-id.yaml');
    expect(checkEipAnnotationChanges(deployment, { operation: 'UPDATE', oldObject: {} })).toEqual(
      [],
    );
  });
});

describe('EIP7 allocated EIP in env', () => {
  it('EIP7 flags env reading the allocated EIP annotation', () => {
    const env = [
      { name: 'A', value: 'x' },
      {
        name: 'EIP',
        valueFrom: {
          fieldRef: { fieldPath: "metadata.annotations['yangtse.io/allocated-ipv4-eip']" },
        },
      },
    ];
    const found = checkAllocatedEipInEnv(pod({}, [{ name: 'c', env }]), {});
    expect(found.map((v) => [v.rule, v.path])).toEqual([
      ['EIP7', 'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath'],
    ]);
    expect(found[0]?.message.en).toContain('downwardAPI');
  });

  it('EIP7 accepts the seed downwardAPI template and other fieldRefs', () => {
    expect(checkAllocatedEipInEnv(seedFixture('08-05-pod-eip-id-wait-init.yaml'), {})).toEqual([]);
    expect(checkAllocatedEipInEnv(seedFixture('04-03-pod-env.yaml'), {})).toEqual([]);
  });
});

describe('E4/EIP1 annotations written without a space', () => {
  it('E4 reports seed 07-04 whose eip-pool annotation is one string', () => {
    const found = checkEipAnnotationText(seedFixture('07-04-pod-with-eippool.flawed.yaml'), {});
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([
      ['E4', 'error', 'metadata.annotations'],
    ]);
    expect(found[0]?.fix?.set).toEqual([
      { path: 'metadata.annotations', value: { 'yangtse.io/eip-pool': 'eippool-demo1' } },
    ]);
  });

  it('EIP1 reports other EIP annotation text and ignores unrelated text', () => {
    const found = checkEipAnnotationText(
      pod('yangtse.io/pod-with-eip:"true"' as unknown as Doc),
      {},
    );
    expect(found.map((v) => v.rule)).toEqual(['EIP1']);
    expect(checkEipAnnotationText(pod('team:a' as unknown as Doc), {})).toEqual([]);
  });
});
