import { describe, expect, it } from 'vitest';
import { podFacts } from './podTarget.ts';

function pod(limits: Record<string, string>) {
  return {
    metadata: { name: 'web', namespace: 'ns1', uid: 'u1' },
    spec: { containers: [{ name: 'app', resources: { limits } }] },
    status: { phase: 'Running', podIP: '192.168.0.10' },
  };
}

describe('podFacts limits', () => {
  it('reads limits with every Kubernetes suffix, n and u included', () => {
    const facts = podFacts(pod({ cpu: '500000u', memory: '1Gi' }), {
      namespace: 'ns1',
      name: 'web',
    });
    expect(facts.limits['app']).toEqual({ cpuCores: 0.5, memoryBytes: 2 ** 30 });
    const nano = podFacts(pod({ cpu: '250000000n', memory: '2e9' }), {
      namespace: 'ns1',
      name: 'web',
    });
    expect(nano.limits['app']).toEqual({ cpuCores: 0.25, memoryBytes: 2e9 });
  });

  it('leaves out a limit that is not a quantity or is negative', () => {
    const facts = podFacts(pod({ cpu: '-1', memory: 'lots' }), { namespace: 'ns1', name: 'web' });
    expect(facts.limits['app']).toEqual({});
  });

  it('refuses a pod whose names are not DNS-1123 names', () => {
    const bad = { ...pod({}), metadata: { name: 'Web', namespace: 'ns1' } };
    expect(() => podFacts(bad, { namespace: 'ns1', name: 'Web' })).toThrow('invalid pod name');
  });
});
