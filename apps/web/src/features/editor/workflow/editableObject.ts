/**
 * A live object as the user edits it: without what the server owns (status, uid, timestamps,
 * managedFields ...) but with metadata.resourceVersion, which turns the later PUT into "only if
 * nobody changed it meanwhile" (409 otherwise). And the merge that re-applies the user's change
 * on top of a newer live object after such a conflict.
 */
import { stringify } from 'yaml';

type Json = unknown;
type JsonObject = Record<string, unknown>;

const SERVER_METADATA = [
  'managedFields',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

export function editableObject(live: JsonObject): JsonObject {
  const copy = structuredClone(live);
  delete copy['status'];
  const metadata = copy['metadata'];
  if (isObject(metadata)) for (const key of SERVER_METADATA) delete metadata[key];
  return copy;
}

export function editableYaml(live: JsonObject): string {
  return stringify(editableObject(live), { lineWidth: 0 });
}

/** What two versions of an object are compared on to call an apply "unchanged". */
export function comparable(value: Json): Json {
  if (!isObject(value)) return value;
  const copy = editableObject(value);
  const metadata = copy['metadata'];
  if (isObject(metadata)) delete metadata['resourceVersion'];
  return sortKeys(copy);
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

export interface MergeResult {
  merged: JsonObject;
  /** Field paths both the user and the server changed; the user's value was kept. */
  conflicts: string[];
}

/**
 * Three-way merge of plain JSON: `base` is what the user started from, `mine` what they made of
 * it, `theirs` the newer live object. A field only one side changed takes that side's value;
 * maps merge key by key; lists are one value (merging list items by position would be a guess).
 * The result carries theirs' resourceVersion so applying it is again conditional.
 */
export function threeWayMerge(base: JsonObject, mine: JsonObject, theirs: JsonObject): MergeResult {
  const conflicts: string[] = [];
  const merged = mergeValue(base, mine, theirs, '', conflicts) as JsonObject;
  const metadata = merged['metadata'];
  const theirMetadata = theirs['metadata'];
  if (isObject(metadata) && isObject(theirMetadata)) {
    metadata['resourceVersion'] = theirMetadata['resourceVersion'];
  }
  return { merged, conflicts };
}

function mergeValue(base: Json, mine: Json, theirs: Json, path: string, out: string[]): Json {
  if (equal(mine, base)) return theirs;
  if (equal(theirs, base) || equal(theirs, mine)) return mine;
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const result: JsonObject = {};
    const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]);
    for (const key of keys) {
      const value = mergeValue(
        base[key],
        mine[key],
        theirs[key],
        path ? `${path}.${key}` : key,
        out,
      );
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  out.push(path);
  return mine;
}

function equal(a: Json, b: Json): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
