import { describe, expect, it } from 'vitest';
import { panelText, printYaml, readYaml } from './yamlSync.ts';

describe('YAML panel sync', () => {
  const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };

  it('reads typed YAML of the same kind as the new object', () => {
    const read = readYaml('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n', 'ConfigMap');
    expect(read).toEqual({ ok: true, object: { ...object, metadata: { name: 'b' } } });
  });

  it('refuses broken YAML, a non-object and another kind (the form keeps its object)', () => {
    expect(readYaml('a: [', 'ConfigMap')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(readYaml('- 1', 'ConfigMap')).toEqual({ ok: false, reason: 'notObject' });
    expect(readYaml('kind: Secret', 'ConfigMap')).toEqual({ ok: false, reason: 'otherKind' });
  });

  it('keeps the typed text while it stands for the object, else prints the object', () => {
    const typed = { text: 'kind:   ConfigMap # mine', object };
    expect(panelText(object, typed)).toBe(typed.text);
    const changedByForm = { ...object, data: { k: 'v' } };
    expect(panelText(changedByForm, typed)).toBe(printYaml(changedByForm));
  });
});
