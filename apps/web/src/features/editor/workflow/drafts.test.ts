import { describe, expect, it } from 'vitest';
import {
  blankSecretValues,
  draftKey,
  loadDraft,
  saveDraft,
  storableText,
  type DraftTarget,
} from './drafts.ts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const target: DraftTarget = {
  region: 'cn-north-4',
  namespace: 'dev',
  target: 'template:14-01-configmap',
};
const now = new Date('2026-11-25T10:00:00Z');
const secret =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s # creds\ndata:\n  key1: c2VjcmV0\nstringData:\n  pw: hunter2\n';

describe('drafts', () => {
  it('keeps one draft per region, namespace and target, and reads it back', () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, target, 'kind: ConfigMap\n', now)).toBe('saved');
    expect(loadDraft(storage, target)).toEqual({
      text: 'kind: ConfigMap\n',
      savedAt: now.toISOString(),
      secretValuesRemoved: false,
    });
    expect(loadDraft(storage, { ...target, namespace: 'prod' })).toBeUndefined();
    expect(draftKey(target)).toBe('cci.editor.draft:cn-north-4/dev/template:14-01-configmap');
  });

  it('never stores Secret values in clear text: they are blanked, the rest and comments kept', () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, target, secret, now)).toBe('savedWithoutSecretValues');
    const raw = storage.getItem(draftKey(target)) ?? '';
    expect(raw).not.toContain('c2VjcmV0');
    expect(raw).not.toContain('hunter2');
    expect(loadDraft(storage, target)?.text).toContain('# creds');
    expect(loadDraft(storage, target)?.secretValuesRemoved).toBe(true);
  });

  it('names the Secret values a restored draft lost until each is typed again', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, target, `kind: ConfigMap\ndata:\n  a: ''\n---\n${secret}`, now);
    const restored = loadDraft(storage, target)?.text ?? '';
    expect(blankSecretValues(restored)).toEqual(['s: data.key1', 's: stringData.pw']);
    expect(blankSecretValues(restored.replace(/key1: .*/, 'key1: bmV3'))).toEqual([
      's: stringData.pw',
    ]);
    expect(blankSecretValues(secret)).toEqual([]);
  });

  it('refuses to store a Secret it cannot parse (its values cannot be found) and drops the old draft', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, target, 'kind: ConfigMap\n', now);
    const broken = `${secret}  bad: [\n`;
    expect(storableText(broken)).toBeUndefined();
    expect(saveDraft(storage, target, broken, now)).toBe('notSavedSecret');
    expect(storage.length).toBe(0);
  });

  it('ignores a corrupt stored entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey(target), '{not json');
    expect(loadDraft(storage, target)).toBeUndefined();
  });
});
