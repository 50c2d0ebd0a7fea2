import { readdirSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestTemplates } from './index.ts';

const dir = new URL('./', import.meta.url);

describe('manifestTemplates', () => {
  it('lists every YAML file of the folder once, in file order', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(manifestTemplates.map((t) => t.file)).toEqual(files.sort());
  });

  it.each(manifestTemplates.map((t) => [t.id, t] as const))(
    '%s parses, has the listed kind and leaves the namespace to the caller',
    (_id, t) => {
      const docs = parseAllDocuments(t.text);
      expect(docs.flatMap((d) => d.errors)).toEqual([]);
      const first = docs[0]?.toJS() as { kind?: string; metadata?: { namespace?: string } };
      expect(first.kind).toBe(t.kind);
      expect(first.metadata?.namespace).toBeUndefined();
      expect(t.title.en.length).toBeGreaterThan(0);
      expect(t.title['zh-CN'].length).toBeGreaterThan(0);
    },
  );

  it('marks corrected templates with a first line saying what was fixed', () => {
    for (const t of manifestTemplates.filter((x) => x.origin === 'corrected')) {
      expect(t.text.split('\n')[0], t.file).toMatch(/^# corrected: seed \d{2}-\d{2} /);
    }
  });
});
