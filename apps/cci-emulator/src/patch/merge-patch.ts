/** RFC 7386 JSON merge patch: objects merge, null deletes, everything else (lists too) replaces. */
import type { JsonObject } from './patch-values.ts';
import { isPlainObject } from './patch-values.ts';

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return structuredClone(patch);
  const result: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}

/** Applies a merge patch object to original without mutating either. */
export function jsonMergePatch(original: JsonObject, patch: JsonObject): JsonObject {
  return mergeValue(structuredClone(original), patch) as JsonObject;
}
