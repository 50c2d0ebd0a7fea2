import { describe, expect, it } from 'vitest';
import { catalogLoaders, namespaces, type Language } from './catalogs.ts';

/** Every catalog string of one language as `key -> text`, keys dotted from the top level. */
async function flatCatalog(language: Language): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') out.set(prefix, value);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  for (const ns of namespaces) walk(await catalogLoaders[ns][language](), '');
  return out;
}

const catalogs = { en: await flatCatalog('en'), 'zh-CN': await flatCatalog('zh-CN') };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The app's own sources (not tests): where `t(...)` is called with a `count`. */
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const countCall = /\bt\(\s*['"`]([\w.]+)['"`]\s*,\s*\{[^}]*\bcount\b/g;

/** The plural forms a counted key lacks: `_one` and `_other` in en, `_other` in zh-CN. */
function missingForms(base: string): string[] {
  const wanted: [Language, string][] = [
    ['en', `${base}_one`],
    ['en', `${base}_other`],
    ['zh-CN', `${base}_other`],
  ];
  return wanted
    .filter(([lng, key]) => !catalogs[lng].has(key))
    .map(([lng, key]) => `${lng} ${key}`);
}

describe('catalog text (both languages)', () => {
  it.each(['en', 'zh-CN'] as const)('%s shows no rule IDs (they stay in tests and docs)', (lng) => {
    const withId = [...catalogs[lng]].filter(([, text]) => /\b[A-Z]{1,3}\d+\b/.test(text));
    expect(withId).toEqual([]);
  });

  it('every string with {{count}} is a plural form, with _one and _other in en, _other in zh-CN', () => {
    const counted = [...catalogs.en].filter(([, text]) => text.includes('{{count}}'));
    expect(counted.length).toBeGreaterThan(0);
    const missing = counted.flatMap(([key]) =>
      pluralSuffix.test(key) ? missingForms(key.replace(pluralSuffix, '')) : [key],
    );
    expect(missing, 'count strings without plural forms').toEqual([]);
  });

  it('every key the app calls with a count has _one and _other in en and _other in zh-CN', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(countCall)) used.add(m[1] ?? '');
    expect(used.size).toBeGreaterThan(0);
    expect([...used].flatMap(missingForms)).toEqual([]);
  });
});
