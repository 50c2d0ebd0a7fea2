/**
 * Kubernetes strategic merge patch, driven by the OpenAPI schema's x-kubernetes-patch-strategy
 * and x-kubernetes-patch-merge-key. This is the map half (fields, null deletes, `$patch`,
 * `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`); lists live in
 * strategic-list.ts. Semantics follow the API server's (MergeParallelList and
 * IgnoreUnmatchedNulls on), except that values taken whole from the patch are cleaned of
 * directives and nulls too, since this server stores the result as JSON as-is.
 */
import type { JsonObject } from './patch-values.ts';
import { PatchFailure, describeJson, isPlainObject, jsonEqual } from './patch-values.ts';
import { applyElementOrder, checkElementOrder, mergeList } from './strategic-list.ts';
import type { OpenApiSchemaLike, SchemaLookup } from './strategic-schema.ts';
import { SchemaWalker } from './strategic-schema.ts';

const patchDirective = '$patch';
const retainKeysDirective = '$retainKeys';
const setElementOrderPrefix = '$setElementOrder/';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

/** Marks a map the patch asked to delete with `$patch: delete`. */
const deletedMap = Symbol('deleted map');
type MapResult = JsonObject | typeof deletedMap;

function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function where(path: string): string {
  return path === '' ? 'the patch' : path;
}

class StrategicMerger {
  constructor(private readonly schema: SchemaWalker) {}

  /** Merges patch into original (both owned: they are mutated). */
  mergeMap(
    original: JsonObject,
    patch: JsonObject,
    node: OpenApiSchemaLike | undefined,
    path: string,
  ): MapResult {
    const directive = patch[patchDirective];
    if (directive !== undefined) {
      if (directive === 'delete') return deletedMap;
      if (directive !== 'replace') {
        throw new PatchFailure(
          400,
          `${where(path)}: unsupported $patch directive ${describeJson(directive)}`,
        );
      }
      const replacement = { ...patch };
      delete replacement[patchDirective];
      return this.mergeMap({}, replacement, node, path);
    }
    this.applyRetainKeys(original, patch, path);
    this.applySetElementOrders(original, patch, node, path);
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith(deleteFromPrimitiveListPrefix)) {
        const field = key.slice(deleteFromPrimitiveListPrefix.length);
        this.deleteFromPrimitiveList(original, field, value, fieldPath(path, field));
      } else if (key.startsWith('$')) {
        throw new PatchFailure(
          400,
          `${where(path)}: unsupported strategic merge patch directive "${key}"`,
        );
      } else if (value === null) {
        delete original[key];
      } else {
        const merged = this.mergeValue(
          original[key],
          value,
          this.schema.field(node, key),
          fieldPath(path, key),
        );
        if (merged === deletedMap) delete original[key];
        else original[key] = merged;
      }
    }
    return original;
  }

  private mergeValue(
    original: unknown,
    patch: unknown,
    node: OpenApiSchemaLike | undefined,
    path: string,
  ): unknown {
    if (isPlainObject(patch)) {
      const replace = this.schema.meta(node).strategies.includes('replace');
      return this.mergeMap(isPlainObject(original) && !replace ? original : {}, patch, node, path);
    }
    if (Array.isArray(patch)) {
      return this.mergeListField(Array.isArray(original) ? original : [], patch, node, path);
    }
    return patch;
  }

  private mergeListField(
    original: unknown[],
    patch: unknown[],
    node: OpenApiSchemaLike | undefined,
    path: string,
  ): unknown[] {
    const { strategies, mergeKey } = this.schema.meta(node);
    const itemNode = this.schema.items(node);
    if (!strategies.includes('merge')) {
      // No merge strategy: the patch list replaces the live one.
      return patch.flatMap((item) => {
        if (!isPlainObject(item)) return [item];
        const cleaned = this.mergeMap({}, item, itemNode, path);
        return cleaned === deletedMap ? [] : [cleaned];
      });
    }
    return mergeList(original, patch, {
      path,
      mergeKey,
      mergeItem: (live, item) => {
        const merged = this.mergeMap(live, item, itemNode, path);
        return merged === deletedMap ? {} : merged;
      },
    });
  }

  /** `$retainKeys`: fields of the live map not listed are cleared (e.g. Deployment strategy). */
  private applyRetainKeys(original: JsonObject, patch: JsonObject, path: string): void {
    if (!Object.hasOwn(patch, retainKeysDirective)) return;
    const retained = patch[retainKeysDirective];
    delete patch[retainKeysDirective];
    if (!Array.isArray(retained) || !retained.every((k) => typeof k === 'string')) {
      throw new PatchFailure(400, `${where(path)}: $retainKeys must be a list of field names`);
    }
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || key.startsWith('$')) continue;
      if (!retained.includes(key)) {
        throw new PatchFailure(
          400,
          `${where(path)}: field "${key}" is set by the patch but not listed in $retainKeys`,
        );
      }
    }
    for (const key of Object.keys(original)) {
      if (!retained.includes(key)) delete original[key];
    }
  }

  /** Merges each list that has a `$setElementOrder/<field>` and orders it as listed. */
  private applySetElementOrders(
    original: JsonObject,
    patch: JsonObject,
    node: OpenApiSchemaLike | undefined,
    path: string,
  ): void {
    for (const key of Object.keys(patch)) {
      if (!key.startsWith(setElementOrderPrefix)) continue;
      const field = key.slice(setElementOrderPrefix.length);
      const listPath = fieldPath(path, field);
      const order = patch[key];
      const patchList = patch[field];
      delete patch[key];
      if (!Array.isArray(order)) throw new PatchFailure(400, `${listPath}: ${key} must be a list`);
      if (patchList === null) continue; // the field is deleted by the main loop
      if (patchList !== undefined && !Array.isArray(patchList)) {
        throw new PatchFailure(400, `${listPath}: ${key} is given but ${field} is not a list`);
      }
      const fieldNode = this.schema.field(node, field);
      const { mergeKey } = this.schema.meta(fieldNode);
      checkElementOrder(patchList ?? [], order, mergeKey, listPath);
      const live = original[field];
      if (patchList === undefined && !Array.isArray(live)) continue;
      const liveList = Array.isArray(live) ? live : [];
      const merged = patchList
        ? this.mergeListField(liveList, patchList, fieldNode, listPath)
        : liveList;
      original[field] = applyElementOrder(merged, order, liveList, mergeKey);
      delete patch[field];
    }
  }

  private deleteFromPrimitiveList(
    original: JsonObject,
    field: string,
    value: unknown,
    path: string,
  ): void {
    if (!Array.isArray(value)) {
      throw new PatchFailure(400, `${path}: $deleteFromPrimitiveList/${field} must be a list`);
    }
    const live = original[field];
    if (!Array.isArray(live)) return;
    original[field] = live.filter((item) => !value.some((gone) => jsonEqual(gone, item)));
  }
}

/**
 * Applies a strategic merge patch to a copy of original. `root` is the schema of the whole
 * object (e.g. the io.k8s.api.apps.v1.Deployment definition). Throws PatchFailure.
 */
export function strategicMergePatch(
  original: JsonObject,
  patch: JsonObject,
  root: OpenApiSchemaLike,
  lookup: SchemaLookup,
): JsonObject {
  const merger = new StrategicMerger(new SchemaWalker(lookup));
  const result = merger.mergeMap(structuredClone(original), structuredClone(patch), root, '');
  if (result === deletedMap) {
    throw new PatchFailure(422, '$patch: delete at the top level would delete the whole object');
  }
  return result;
}
