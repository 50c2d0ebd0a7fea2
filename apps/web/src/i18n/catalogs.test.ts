import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs.ts';
import { initialLanguage } from './i18n.ts';

const en = catalogs.en;
const zhCN = catalogs['zh-CN'];

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n catalogs', () => {
  it('have the same keys in en and zh-CN', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    const zhByKey = new Map(
      keysOf(zhCN).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as never)[p], zhCN)]),
    );
    for (const key of keysOf(en)) {
      const enText = key.split('.').reduce<unknown>((o, p) => (o as never)[p], en) as string;
      const zhText = zhByKey.get(key) as string;
      expect(enText.length, key).toBeGreaterThan(0);
      expect(zhText.length, key).toBeGreaterThan(0);
      expect(placeholders(zhText), key).toEqual(placeholders(enText));
    }
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
