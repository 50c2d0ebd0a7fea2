import { describe, expect, it } from 'vitest';
import { englishCatalogs } from '../test/englishCatalogs.ts';
import { catalogLoaders, namespaces, type Language, type Strings } from './catalogs.ts';
import { initialLanguage } from './i18n.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** Every namespace of one language, downloaded the way the app does it. */
async function loadAll(language: Language): Promise<Map<string, Strings>> {
  const loaded = await Promise.all(
    namespaces.map(async (ns) => [ns, await catalogLoaders[ns][language]()] as const),
  );
  return new Map(loaded);
}

const en = await loadAll('en');
const zhCN = await loadAll('zh-CN');
const merged = (catalogs: Map<string, Strings>) => Object.assign({}, ...catalogs.values());

describe('i18n catalogs', () => {
  it('have the same keys in en and zh-CN', () => {
    for (const ns of namespaces) {
      expect(keysOf(zhCN.get(ns)).sort(), ns).toEqual(keysOf(en.get(ns)).sort());
    }
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    const zh = merged(zhCN);
    const zhByKey = new Map(
      keysOf(zh).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as never)[p], zh)]),
    );
    const english = merged(en);
    for (const key of keysOf(english)) {
      const enText = key.split('.').reduce<unknown>((o, p) => (o as never)[p], english) as string;
      const zhText = zhByKey.get(key) as string;
      expect(enText.length, key).toBeGreaterThan(0);
      expect(zhText.length, key).toBeGreaterThan(0);
      expect(placeholders(zhText), key).toEqual(placeholders(enText));
    }
  });

  it('define each top-level key in one namespace only (a later bundle would overwrite it)', () => {
    const owner = new Map<string, string>();
    for (const [ns, strings] of en) {
      for (const key of Object.keys(strings)) {
        expect(owner.get(key), `${key} in ${ns}`).toBeUndefined();
        owner.set(key, ns);
      }
    }
  });

  it('give the component tests the same English strings the app downloads', () => {
    expect(englishCatalogs).toEqual(Object.fromEntries(en));
  });
});

describe('initialLanguage', () => {
  it('prefers the stored choice', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('falls back to the browser languages, then English', () => {
    expect(initialLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLanguage('fr', ['de', 'en-GB'])).toBe('en');
    expect(initialLanguage(null, ['de'])).toBe('en');
  });
});
