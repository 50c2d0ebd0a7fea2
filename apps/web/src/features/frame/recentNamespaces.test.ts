import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../session/landing.ts';
import { isNamespaceName, rememberedNamespaces, rememberNamespace } from './recentNamespaces.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('recent namespaces', () => {
  it('keeps the most recent first, without duplicates, at most 8', () => {
    const storage = memoryStorage();
    for (const ns of ['a', 'b', 'c', 'a']) rememberNamespace(ns, storage);
    expect(rememberedNamespaces(storage)).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 10; i += 1) rememberNamespace(`ns${i}`, storage);
    expect(rememberedNamespaces(storage)).toHaveLength(8);
    expect(rememberedNamespaces(storage)[0]).toBe('ns9');
  });

  it('survives garbage in storage', () => {
    const storage = memoryStorage();
    storage.setItem('cci.recentNamespaces', '{not json');
    expect(rememberedNamespaces(storage)).toEqual([]);
  });

  it('accepts only DNS-1123 label names', () => {
    expect(isNamespaceName('demo-1')).toBe(true);
    expect(isNamespaceName('Demo')).toBe(false);
    expect(isNamespaceName('-x')).toBe(false);
  });
});

describe('safeRedirect', () => {
  it('follows only same-app paths', () => {
    expect(safeRedirect('/r/cn-north-4/ns/demo/pods')).toBe('/r/cn-north-4/ns/demo/pods');
    expect(safeRedirect('//evil.example/x')).toBeUndefined();
    expect(safeRedirect('https://evil.example/')).toBeUndefined();
    expect(safeRedirect('/login?redirect=/x')).toBeUndefined();
  });
});
