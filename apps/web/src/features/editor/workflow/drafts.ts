/**
 * Unsaved editor texts survive a reload in localStorage, one per region, namespace and target
 * (a template id or an object being edited). Secret values never go there in clear text: the
 * `data` / `stringData` values of a Secret are blanked before storing, and a text that mentions
 * a Secret but does not parse (so its values cannot be found) is not stored at all.
 */
import { isMap, isScalar, parseAllDocuments } from 'yaml';

export interface DraftTarget {
  region: string;
  namespace: string;
  /** `template:<id>`, `object:<plural>/<name>` or `new`. */
  target: string;
}

export interface StoredDraft {
  text: string;
  savedAt: string;
  /** Secret values were blanked: the draft cannot be applied as it is. */
  secretValuesRemoved: boolean;
}

export type DraftSave = 'saved' | 'savedWithoutSecretValues' | 'notSavedSecret';

const PREFIX = 'cci.editor.draft:';

export function draftKey(t: DraftTarget): string {
  return `${PREFIX}${t.region}/${t.namespace}/${t.target}`;
}

/** The text as it may be stored, or undefined when it must not be stored at all. */
export function storableText(text: string): { text: string; redacted: boolean } | undefined {
  const docs = parseAllDocuments(text);
  const mentionsSecret = /^\s*kind:\s*["']?Secret["']?\s*(#.*)?$/m.test(text);
  if (docs.some((d) => d.errors.length > 0))
    return mentionsSecret ? undefined : { text, redacted: false };
  let redacted = false;
  for (const doc of docs) {
    if (!isMap(doc.contents) || doc.get('kind') !== 'Secret') continue;
    for (const field of ['data', 'stringData']) {
      const values = doc.get(field);
      if (!isMap(values)) continue;
      for (const pair of values.items) {
        if (isScalar(pair.value) && pair.value.value === '') continue;
        pair.value = doc.createNode('');
        redacted = true;
      }
    }
  }
  if (!redacted) return { text, redacted: false };
  return { text: docs.map((d) => d.toString({ lineWidth: 0 })).join(''), redacted: true };
}

/**
 * The Secret values still blank in a text restored from a draft, as "<name>: data.<key>": applying
 * it as it is would overwrite the real values with empty ones.
 */
export function blankSecretValues(text: string): string[] {
  const blanks: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0 || !isMap(doc.contents) || doc.get('kind') !== 'Secret') continue;
    const name = String(doc.getIn(['metadata', 'name']) ?? '');
    for (const field of ['data', 'stringData']) {
      const values = doc.get(field);
      if (!isMap(values)) continue;
      for (const pair of values.items) {
        const value = isScalar(pair.value) ? pair.value.value : pair.value;
        if (value === '' || value === null) blanks.push(`${name}: ${field}.${String(pair.key)}`);
      }
    }
  }
  return blanks;
}

export function saveDraft(storage: Storage, t: DraftTarget, text: string, now: Date): DraftSave {
  const storable = storableText(text);
  if (!storable) {
    storage.removeItem(draftKey(t));
    return 'notSavedSecret';
  }
  const draft: StoredDraft = {
    text: storable.text,
    savedAt: now.toISOString(),
    secretValuesRemoved: storable.redacted,
  };
  storage.setItem(draftKey(t), JSON.stringify(draft));
  return storable.redacted ? 'savedWithoutSecretValues' : 'saved';
}

export function loadDraft(storage: Storage, t: DraftTarget): StoredDraft | undefined {
  const raw = storage.getItem(draftKey(t));
  if (raw === null) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof value.text !== 'string') return undefined;
    return {
      text: value.text,
      savedAt: String(value.savedAt ?? ''),
      secretValuesRemoved: value.secretValuesRemoved === true,
    };
  } catch {
    return undefined;
  }
}

export function discardDraft(storage: Storage, t: DraftTarget): void {
  storage.removeItem(draftKey(t));
}
