import type { KubeObject } from '../resources/objects.ts';

/** What a masked value shows in place of its text: never its length or any character. */
export const MASK = '••••••••';

/** One key of a ConfigMap's or Secret's data, as the Data section shows it. */
export interface DataEntry {
  key: string;
  /** Secret values: true (masked until revealed). */
  secret: boolean;
  /** binaryData of a ConfigMap, or a Secret value that is not UTF-8 text. */
  binary: boolean;
  /** The text to show once revealed (a Secret's value decoded from base64). */
  text: string;
  /** Number of lines: multi-line values are shown as a block. */
  lines: number;
  bytes: number;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** base64 → bytes; undefined when the text is not base64. */
function base64Bytes(value: string): Uint8Array | undefined {
  try {
    const binary = atob(value.replace(/\s/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A Secret value as text; binary when it is not base64 of UTF-8. */
export function decodeSecretValue(value: string): { text: string; binary: boolean; bytes: number } {
  const bytes = base64Bytes(value);
  if (!bytes) return { text: value, binary: true, bytes: value.length };
  try {
    return { text: utf8.decode(bytes), binary: false, bytes: bytes.length };
  } catch {
    return { text: value, binary: true, bytes: bytes.length };
  }
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The entries of a ConfigMap (data, binaryData) or Secret (data, stringData), sorted by key. */
export function dataEntries(object: KubeObject): DataEntry[] {
  const entries: DataEntry[] = [];
  if (object.kind === 'Secret') {
    for (const [key, value] of Object.entries(stringRecord(object['data']))) {
      const decoded = decodeSecretValue(value);
      entries.push({ key, secret: true, ...decoded, lines: lineCount(decoded.text) });
    }
    for (const [key, text] of Object.entries(stringRecord(object['stringData']))) {
      const bytes = new TextEncoder().encode(text).length;
      entries.push({ key, secret: true, binary: false, text, lines: lineCount(text), bytes });
    }
  } else {
    for (const [key, text] of Object.entries(stringRecord(object['data']))) {
      const bytes = new TextEncoder().encode(text).length;
      entries.push({ key, secret: false, binary: false, text, lines: lineCount(text), bytes });
    }
    for (const [key, value] of Object.entries(stringRecord(object['binaryData']))) {
      const bytes = base64Bytes(value)?.length ?? value.length;
      entries.push({ key, secret: false, binary: true, text: value, lines: 1, bytes });
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

export function hasDataView(object: KubeObject): boolean {
  return object.kind === 'Secret' || object.kind === 'ConfigMap';
}

/**
 * The object as the YAML/JSON tab shows it: a Secret's data and stringData values replaced by
 * MASK unless revealed (then as stored: base64 in data). Other kinds are returned unchanged.
 * The last-applied annotation holds the values too, so it is masked as a whole.
 */
export function maskedForDisplay(object: KubeObject, revealed: boolean): KubeObject {
  if (object.kind !== 'Secret' || revealed) return object;
  const mask = (value: unknown) =>
    typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.keys(value).map((k) => [k, MASK]))
      : value;
  const masked: KubeObject = { ...object };
  if ('data' in object) masked['data'] = mask(object['data']);
  if ('stringData' in object) masked['stringData'] = mask(object['stringData']);
  const annotations = object.metadata.annotations;
  const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
  if (annotations?.[lastApplied] !== undefined) {
    masked.metadata = { ...object.metadata, annotations: { ...annotations, [lastApplied]: MASK } };
  }
  return masked;
}

export function isSecret(object: KubeObject): boolean {
  return object.kind === 'Secret';
}
