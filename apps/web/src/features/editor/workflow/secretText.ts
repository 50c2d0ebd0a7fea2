/**
 * A Secret in the "Edit YAML" editor: its values masked as the details YAML tab masks them
 * (MASK, never the base64), and put back when the text is applied. The text is changed through
 * the YAML document, so the user's comments and layout stay.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import { MASK } from '../../config-data/configData.ts';

type JsonObject = Record<string, unknown>;

const SECTIONS = ['data', 'stringData'] as const;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The places of a Secret that hold its values: [path in the document, value in `source`]. */
function valuePaths(doc: Document, source: JsonObject): [string[], unknown][] {
  const paths: [string[], unknown][] = [];
  for (const section of SECTIONS) {
    const map = doc.get(section);
    if (!isMap(map)) continue;
    const stored = asObject(source[section]);
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && isScalar(pair.value)) paths.push([[section, key], stored[key]]);
    }
  }
  const annotations = asObject(asObject(source['metadata'])['annotations']);
  if (doc.hasIn(['metadata', 'annotations', LAST_APPLIED])) {
    paths.push([['metadata', 'annotations', LAST_APPLIED], annotations[LAST_APPLIED]]);
  }
  return paths;
}

/** Applies `change` to each value of each Secret document; other kinds are left as written. */
function eachSecretValue(
  text: string,
  source: JsonObject,
  change: (current: unknown, stored: unknown) => unknown,
): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return text;
  let changed = false;
  for (const doc of docs) {
    if (doc.get('kind') !== 'Secret') continue;
    for (const [path, stored] of valuePaths(doc, source)) {
      const current = doc.getIn(path);
      const next = change(current, stored);
      if (next === current) continue;
      doc.setIn(path, next);
      changed = true;
    }
  }
  if (!changed) return text;
  return docs.map((d) => d.toString({ lineWidth: 0 })).join('');
}

/**
 * The values still as stored in `source` (the live Secret) shown as MASK; a value the user
 * changed stays visible as typed (hiding it would lose the edit).
 */
export function maskSecretValues(text: string, source: JsonObject): string {
  return eachSecretValue(text, source, (current, stored) =>
    stored !== undefined && current === stored ? MASK : current,
  );
}

/**
 * What is applied: every value still MASK is the stored one (a mask is never written back); an
 * edited value is taken as typed. A MASK without a stored value (a key the user added by
 * copying a masked line) stays, and the server refuses it as not base64.
 */
export function unmaskSecretValues(text: string, source: JsonObject): string {
  return eachSecretValue(text, source, (current, stored) =>
    current === MASK && stored !== undefined ? stored : current,
  );
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}
