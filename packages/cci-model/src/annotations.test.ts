import { describe, expect, it } from 'vitest';
import { explainAnnotation, knownAnnotations } from './annotations.ts';

describe('known CCI annotations', () => {
  it('E4 explains the allocated EIP annotation in both languages', () => {
    const known = explainAnnotation('yangtse.io/allocated-ipv4-eip');
    expect(known?.rules).toContain('E4');
    expect(known?.setBy).toBe('cci');
    expect(known?.text['zh-CN']).toMatch(/EIP/);
  });

  it('LG2 matches per-container log path keys by prefix', () => {
    expect(explainAnnotation('logpath.k8s.io/container-0')?.rules).toEqual(['LG2']);
  });

  it('leaves unknown keys unexplained', () => {
    expect(explainAnnotation('example.com/owner')).toBeUndefined();
  });

  it('lists each key once, with both texts filled', () => {
    const keys = knownAnnotations.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of knownAnnotations) {
      expect(k.text.en.length * k.text['zh-CN'].length).toBeGreaterThan(0);
    }
  });
});
