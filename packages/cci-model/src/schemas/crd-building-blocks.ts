/**
 * Pieces every CCI custom resource definition shares, so the CRDs read like the official
 * Kubernetes definitions (TypeMeta fields, ObjectMeta/ListMeta refs, a List type per kind).
 */
import type { GroupVersionKind, OpenApiSchema } from './openapi-schema.ts';
import { definitionRef } from './openapi-schema.ts';

export const objectMetaName = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
export const listMetaName = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

export function refTo(name: string, description: string): OpenApiSchema {
  return { $ref: definitionRef(name), description };
}

export function apiVersionOfGvk(gvk: GroupVersionKind): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

/** apiVersion and kind, with kind pinned by an enum as in the derived core definitions. */
export function typeMetaProperties(gvk: GroupVersionKind): Record<string, OpenApiSchema> {
  return {
    apiVersion: {
      description: `API version of this object's schema; for this kind: ${apiVersionOfGvk(gvk)}.`,
      type: 'string',
    },
    kind: {
      description: `The kind of this object, in CamelCase; always ${gvk.kind}.`,
      type: 'string',
      enum: [gvk.kind],
    },
  };
}

/** The `<Kind>List` definition returned by list requests for the kind defined at itemName. */
export function listDefinition(itemName: string, itemGvk: GroupVersionKind): OpenApiSchema {
  const gvk = { ...itemGvk, kind: `${itemGvk.kind}List` };
  return {
    description: `${gvk.kind} is a list of ${itemGvk.kind} objects.`,
    type: 'object',
    required: ['items'],
    properties: {
      ...typeMetaProperties(gvk),
      items: {
        description: `The ${itemGvk.kind} objects.`,
        type: 'array',
        items: { $ref: definitionRef(itemName) },
      },
      metadata: refTo(listMetaName, 'Standard list metadata (resourceVersion, continue token).'),
    },
    'x-kubernetes-group-version-kind': [gvk],
  };
}
