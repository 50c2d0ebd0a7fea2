// Tolerant readers for stored objects, which arrive as plain JSON of unchecked shape: a printer
// must still render a row when a field is missing or has the wrong type.

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function textAt(value: unknown, ...path: string[]): string | undefined {
  const v = at(value, ...path);
  return typeof v === 'string' ? v : undefined;
}

export function numberAt(value: unknown, ...path: string[]): number | undefined {
  const v = at(value, ...path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function listAt(value: unknown, ...path: string[]): unknown[] {
  const v = at(value, ...path);
  return Array.isArray(v) ? v : [];
}

export function objectAt(value: unknown, ...path: string[]): JsonObject {
  const v = at(value, ...path);
  return isObject(v) ? v : {};
}

export function stringMapAt(value: unknown, ...path: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(objectAt(value, ...path))) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function nameOf(object: unknown): string {
  return textAt(object, 'metadata', 'name') ?? '';
}

/** `a=1,b=2` sorted by key, `<none>` when empty (kubectl's labels.FormatLabels). */
export function formatLabelMap(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',');
}
