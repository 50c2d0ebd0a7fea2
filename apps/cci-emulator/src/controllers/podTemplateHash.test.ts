import { describe, expect, it } from 'vitest';
import { canonicalJson, podTemplateHash, sameTemplateIgnoringHash } from './podTemplateHash.ts';

const template = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'container-0', image: 'nginx:latest' }] },
};

describe('pod-template-hash (D2)', () => {
  it('D2: is deterministic, safe-encoded and changes with the template and the collision count', () => {
    const hash = podTemplateHash(template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(podTemplateHash(structuredClone(template))).toBe(hash);
    const other = structuredClone(template);
    other.spec.containers[0]!.image = 'nginx:alpine';
    expect(podTemplateHash(other)).not.toBe(hash);
    expect(podTemplateHash(template, 1)).not.toBe(hash);
    expect(podTemplateHash(template, 1)).toBe(podTemplateHash(template, 1));
  });

  it('ignores key order, nulls and empty objects (a template sent back by a Go client)', () => {
    const roundTripped = {
      spec: { containers: [{ resources: {}, image: 'nginx:latest', name: 'container-0' }] },
      metadata: { creationTimestamp: null, labels: { app: 'nginx', 'pod-template-hash': 'abc' } },
    };
    expect(podTemplateHash(roundTripped)).toBe(podTemplateHash(template));
    expect(sameTemplateIgnoringHash(roundTripped, template)).toBe(true);
    expect(sameTemplateIgnoringHash({ ...template, spec: { containers: [] } }, template)).toBe(
      false,
    );
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
