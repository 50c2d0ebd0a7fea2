import type { KindDescriptor } from '@cci/model';
import {
  fieldSelectorMatches,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  supportedFieldsFor,
} from '@cci/model';
import { errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';

/**
 * Reads `labelSelector` and `fieldSelector` into one predicate over objects; undefined when the
 * request selects everything (lists then skip filtering altogether).
 */
export function selectionFromQuery(
  kind: KindDescriptor,
  query: URLSearchParams,
): ((obj: KubeObject) => boolean) | undefined {
  const labelText = query.get('labelSelector') ?? '';
  const fieldText = query.get('fieldSelector') ?? '';
  if (!kind.supportsSelectors && (labelText !== '' || fieldText !== '')) {
    // Rule S4: CCI's snapshot API takes no selectors.
    throw errors.badRequest(
      `${kind.plural}.${kind.group} does not support ${labelText !== '' ? 'labelSelector' : 'fieldSelector'}: list all and filter on the client`,
    );
  }
  const predicates: ((obj: KubeObject) => boolean)[] = [];
  if (labelText.trim() !== '') {
    const parsed = parseLabelSelector(labelText);
    if (!parsed.ok) throw errors.badRequest(`unable to parse requirement: ${parsed.error}`);
    const selector = parsed.selector;
    predicates.push((obj) => matchesLabels(selector, obj.metadata.labels));
  }
  if (fieldText.trim() !== '') {
    const parsed = parseFieldSelector(fieldText);
    if (!parsed.ok) throw errors.badRequest(parsed.error);
    const supported = supportedFieldsFor(kind.kind);
    for (const r of parsed.selector.requirements) {
      if (!supported.includes(r.field))
        throw errors.badRequest(`field label not supported: ${r.field}`);
    }
    const selector = parsed.selector;
    predicates.push((obj) => fieldSelectorMatches(selector, (path) => fieldValue(obj, path)));
  }
  if (predicates.length === 0) return undefined;
  return (obj) => predicates.every((p) => p(obj));
}

function fieldValue(obj: KubeObject, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'string' ? cur : String(cur);
}
