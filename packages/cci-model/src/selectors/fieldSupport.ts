// Which fields the API server lets a field selector use, per kind, and how each is read from an
// object. The lists are those of upstream Kubernetes (kinds absent here get only the metadata
// fields, as custom resources do).
import type { FieldSelector } from './fieldSelector.ts';

const metadataFields = ['metadata.name', 'metadata.namespace'];

const extraFieldsByKind: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Secret: ['type'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

export function supportedFieldsFor(kind: string): string[] {
  return [...metadataFields, ...(extraFieldsByKind[kind] ?? [])];
}

/** The API server's refusal for the first field the kind does not support, if any. */
export function unsupportedFieldError(selector: FieldSelector, kind: string): string | undefined {
  const supported = new Set(supportedFieldsFor(kind));
  const bad = selector.requirements.find((r) => !supported.has(r.field));
  return bad ? `field label not supported: ${bad.field}` : undefined;
}

/** Selector field names that are not the JSON path of the value they select. */
const fieldPathAliases: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Event: { source: 'source.component', reportingComponent: 'reportingController' },
  Job: { 'status.successful': 'status.succeeded' },
};

/** Values Kubernetes sees for fields the object leaves out (Go zero values). */
const zeroValues: Readonly<Record<string, string>> = {
  'spec.hostNetwork': 'false',
  'status.replicas': '0',
  'status.successful': '0',
};

function valueAtPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Reads a selectable field of `object` as the string a field selector compares with; use it as
 * `fieldSelectorMatches(selector, (f) => selectableFieldValue(kind, obj, f))`.
 */
export function selectableFieldValue(
  kind: string,
  object: unknown,
  field: string,
): string | undefined {
  const path = fieldPathAliases[kind]?.[field] ?? field;
  const value = valueAtPath(object, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? zeroValues[field] : undefined;
}
