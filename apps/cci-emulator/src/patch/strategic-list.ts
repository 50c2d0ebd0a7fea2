/**
 * List half of strategic merge patch: merging lists whose schema says `merge` (maps by merge
 * key, scalars by union), `$patch` directives inside lists, and the element order rules of
 * https://git.k8s.io/design-proposals-archive/cli/preserve-order-in-strategic-merge-patch.md
 * (patch order beats live order; `$setElementOrder` beats both).
 */
import type { JsonObject } from './patch-values.ts';
import { PatchFailure, describeJson, isPlainObject, jsonEqual } from './patch-values.ts';

export interface MergeListField {
  /** Dotted path of the list, for error messages. */
  readonly path: string;
  readonly mergeKey: string | undefined;
  /** Merges one patch item into a live item ({} for items the patch adds). */
  readonly mergeItem: (original: JsonObject, patch: JsonObject) => JsonObject;
}

type Identity = (item: unknown) => unknown;

function identityOf(mergeKey: string | undefined): Identity {
  return mergeKey === undefined ? (item) => item : (item) => (item as JsonObject)[mergeKey];
}

function indexIn(list: readonly unknown[], item: unknown, id: Identity): number {
  const wanted = id(item);
  return list.findIndex((candidate) => jsonEqual(id(candidate), wanted));
}

function elementKind(lists: readonly (readonly unknown[])[], path: string): 'map' | 'scalar' {
  let kind: 'map' | 'scalar' | undefined;
  for (const item of lists.flat()) {
    if (Array.isArray(item))
      throw new PatchFailure(422, `${path}: lists of lists cannot be merged`);
    const itemKind = isPlainObject(item) ? 'map' : 'scalar';
    if (kind !== undefined && kind !== itemKind) {
      throw new PatchFailure(400, `${path}: list mixes objects and scalar values`);
    }
    kind = itemKind;
  }
  return kind ?? 'scalar';
}

function requireMergeKey(item: JsonObject, mergeKey: string, path: string): void {
  if (item[mergeKey] === undefined) {
    throw new PatchFailure(
      400,
      `${path}: list item ${describeJson(item)} does not contain the merge key "${mergeKey}"`,
    );
  }
}

/** Stable sort by position in `order`; items `order` does not name keep their place at the end. */
function sortByOrder(items: readonly unknown[], order: readonly unknown[], id: Identity) {
  return items
    .map((item, at) => ({ item, at, rank: indexIn(order, item, id) }))
    .sort(
      (a, b) => (a.rank < 0 ? Infinity : a.rank) - (b.rank < 0 ? Infinity : b.rank) || a.at - b.at,
    )
    .map(({ item }) => item);
}

/**
 * Interleaves server-only items into the patch-ordered items: a server-only item goes before
 * the first patch item that followed it in the live list; otherwise patch items come first.
 */
function mergeSorted(serverOnly: unknown[], fromPatch: unknown[], live: unknown[], id: Identity) {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < fromPatch.length) {
    if (j >= fromPatch.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(fromPatch[j++]);
    else {
      const left = indexIn(live, serverOnly[i], id);
      const right = indexIn(live, fromPatch[j], id);
      if (left >= 0 && right >= 0 && left < right) out.push(serverOnly[i++]);
      else out.push(fromPatch[j++]);
    }
  }
  return out;
}

function partition(merged: readonly unknown[], named: readonly unknown[], id: Identity) {
  const listed: unknown[] = [];
  const rest: unknown[] = [];
  for (const item of merged) (indexIn(named, item, id) >= 0 ? listed : rest).push(item);
  return [listed, rest] as const;
}

/** Orders `merged` by `order` (items it names) and the live list (items it does not). */
function normalizeOrder(
  merged: readonly unknown[],
  order: readonly unknown[],
  live: unknown[],
  mergeKey: string | undefined,
): unknown[] {
  const id = identityOf(mergeKey);
  const [listed, serverOnly] = partition(merged, order, id);
  return mergeSorted(sortByOrder(serverOnly, live, id), sortByOrder(listed, order, id), live, id);
}

function mergeScalarList(original: unknown[], patch: unknown[]): unknown[] {
  const merged: unknown[] = [];
  for (const item of [...original, ...patch]) {
    if (!merged.some((seen) => jsonEqual(seen, item))) merged.push(item);
  }
  return normalizeOrder(merged, patch, original, undefined);
}

function mergeMapList(original: unknown[], patch: unknown[], field: MergeListField): unknown[] {
  const { mergeKey, path } = field;
  if (mergeKey === undefined) {
    throw new PatchFailure(400, `${path}: cannot merge a list of objects without a merge key`);
  }
  let live = original;
  const plain: JsonObject[] = [];
  let replace = false;
  for (const item of patch as JsonObject[]) {
    const directive = item['$patch'];
    if (directive === undefined) {
      requireMergeKey(item, mergeKey, path);
      plain.push(item);
    } else if (directive === 'delete') {
      requireMergeKey(item, mergeKey, path);
      live = live.filter((x) => !isPlainObject(x) || !jsonEqual(x[mergeKey], item[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else {
      throw new PatchFailure(
        400,
        `${path}: unsupported $patch directive ${describeJson(directive)}`,
      );
    }
  }
  if (replace) return plain.map((item) => field.mergeItem({}, item));
  const merged = [...live];
  for (const item of plain) {
    const at = merged.findIndex((x) => isPlainObject(x) && jsonEqual(x[mergeKey], item[mergeKey]));
    const current = merged[at];
    if (isPlainObject(current)) merged[at] = field.mergeItem(current, item);
    else merged.push(field.mergeItem({}, item));
  }
  return normalizeOrder(merged, plain, live, mergeKey);
}

/** Merges a patch list into a live list whose schema declares the `merge` strategy. */
export function mergeList(original: unknown[], patch: unknown[], field: MergeListField): unknown[] {
  if (patch.length === 0) return original;
  return elementKind([original, patch], field.path) === 'map'
    ? mergeMapList(original, patch, field)
    : mergeScalarList(original, patch);
}

/**
 * Rejects a `$setElementOrder` list that does not name the patch list's items in the same
 * relative order (Kubernetes answers 400 for this).
 */
export function checkElementOrder(
  patchList: readonly unknown[],
  order: readonly unknown[],
  mergeKey: string | undefined,
  path: string,
): void {
  const id = identityOf(mergeKey);
  if (
    mergeKey !== undefined &&
    !order.every((x) => isPlainObject(x) && x[mergeKey] !== undefined)
  ) {
    throw new PatchFailure(400, `${path}: every $setElementOrder item needs the key "${mergeKey}"`);
  }
  const items = patchList.filter((x) => !isPlainObject(x) || x['$patch'] === undefined);
  let at = 0;
  for (const item of items) {
    while (at < order.length && !jsonEqual(id(order[at]), id(item))) at++;
    if (at >= order.length) {
      throw new PatchFailure(
        400,
        `${path}: the order of the patch list ${describeJson(patchList)} does not match $setElementOrder ${describeJson(order)}`,
      );
    }
    at++;
  }
}

/** Applies `$setElementOrder` to an already merged list. */
export function applyElementOrder(
  merged: readonly unknown[],
  order: readonly unknown[],
  live: unknown[],
  mergeKey: string | undefined,
): unknown[] {
  return normalizeOrder(merged, order, live, mergeKey);
}
