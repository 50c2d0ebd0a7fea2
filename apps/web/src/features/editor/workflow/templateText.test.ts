import { findKindByApiVersion } from '@cci/model';
import { manifestTemplates } from '@cci/model/templates';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { withNamespace, withoutProvenance } from './templateText.ts';
import { parseAllDocuments } from 'yaml';

const namespaced = (apiVersion: string, kind: string) =>
  findKindByApiVersion(apiVersion, kind)?.namespaced ?? true;

describe('withNamespace', () => {
  it('puts the namespace first in metadata with the template indentation, comments kept', () => {
    const text =
      'kind: Pod # a pod\napiVersion: v1\nmetadata: # meta\n    name: web # n\nspec: {}\n';
    expect(withNamespace(text, 'prod', namespaced)).toBe(
      'kind: Pod # a pod\napiVersion: v1\nmetadata: # meta\n    namespace: prod\n    name: web # n\nspec: {}\n',
    );
  });

  it('quotes a namespace YAML would read as something else', () => {
    const out = withNamespace(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      'no',
      namespaced,
    );
    expect((parse(out) as { metadata: { namespace: unknown } }).metadata.namespace).toBe('no');
  });

  it('leaves cluster-scoped kinds and documents with a namespace alone', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
    const own = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: b\n';
    expect(withNamespace(ns, 'x', namespaced)).toBe(ns);
    expect(withNamespace(own, 'x', namespaced)).toBe(own);
  });

  it('handles every document of a multi-document text', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';
    const docs = withNamespace(text, 'dev', namespaced).split('---');
    expect(
      docs.map((d) => (parse(d) as { metadata: { namespace?: string } }).metadata.namespace),
    ).toEqual(['dev', 'dev']);
  });

  it.each(manifestTemplates.map((t) => [t.id, t] as const))(
    'template %s gets the current namespace exactly where its kind is namespaced',
    (_id, t) => {
      const doc = parse(withNamespace(t.text, 'team-a', namespaced)) as {
        apiVersion: string;
        kind: string;
        metadata: { namespace?: string };
      };
      const kind = findKindByApiVersion(doc.apiVersion, doc.kind);
      expect(kind, `${doc.apiVersion} ${doc.kind} is a kind of @cci/model`).toBeDefined();
      expect(doc.metadata.namespace).toBe(kind?.namespaced ? 'team-a' : undefined);
    },
  );
});

describe('withoutProvenance', () => {
  const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

  it('drops the seed notes (rule IDs, "repaired … (PDF damage)") and keeps the manifest', () => {
    const damaged = manifestTemplates.filter((tpl) =>
      /PDF damage|\b[A-Z]{1,3}\d+\b/.test(tpl.text),
    );
    expect(damaged.length).toBeGreaterThan(0);
    for (const tpl of manifestTemplates) {
      const shown = withoutProvenance(tpl.text);
      expect(shown, tpl.id).not.toMatch(/^# (seed|repaired|note|completed|placeholder)/m);
      expect(shown, tpl.id).not.toMatch(/PDF damage/);
      expect(docs(shown), tpl.id).toEqual(docs(tpl.text));
    }
  });

  it('leaves a text without a leading comment block as it is', () => {
    expect(withoutProvenance('kind: Pod\n# keep: mine\n')).toBe('kind: Pod\n# keep: mine\n');
  });
});
