/**
 * The part of the Swagger 2.0 schema object that Kubernetes' OpenAPI definitions use, plus the
 * Kubernetes vendor extensions that clients act on (kubectl finds a document's schema through
 * x-kubernetes-group-version-kind; strategic merge patch reads the patch extensions).
 */
export type OpenApiType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface OpenApiSchema {
  readonly $ref?: string;
  readonly type?: OpenApiType;
  readonly format?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly additionalProperties?: OpenApiSchema | boolean;
  readonly items?: OpenApiSchema;
  readonly allOf?: readonly OpenApiSchema[];
  readonly required?: readonly string[];
  readonly enum?: readonly (string | number | boolean)[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly GroupVersionKind[];
  readonly 'x-kubernetes-patch-merge-key'?: string;
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  readonly 'x-kubernetes-unions'?: readonly unknown[];
}

export type OpenApiDefinitions = Readonly<Record<string, OpenApiSchema>>;

export const definitionRefPrefix = '#/definitions/';

export function definitionRef(name: string): string {
  return `${definitionRefPrefix}${name}`;
}

/** definitions[name], but never an inherited member such as `constructor`. */
export function lookupDefinition(
  definitions: OpenApiDefinitions,
  name: string,
): OpenApiSchema | undefined {
  return Object.hasOwn(definitions, name) ? definitions[name] : undefined;
}

/** Calls visit for every `$ref` inside schema (not following them). */
export function forEachRef(schema: unknown, visit: (ref: string) => void): void {
  if (Array.isArray(schema)) {
    for (const item of schema) forEachRef(item, visit);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') visit(value);
    else forEachRef(value, visit);
  }
}

/**
 * Names of every definition reachable from roots through `$ref`s, roots included. Refs that
 * point at no definition are reported in `missing` rather than thrown, so callers decide.
 */
export function refClosure(
  definitions: OpenApiDefinitions,
  roots: Iterable<string>,
): { names: Set<string>; missing: Set<string> } {
  const names = new Set<string>();
  const missing = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (names.has(name)) continue;
    const schema = lookupDefinition(definitions, name);
    if (!schema) {
      missing.add(name);
      continue;
    }
    names.add(name);
    forEachRef(schema, (ref) => {
      if (ref.startsWith(definitionRefPrefix)) pending.push(ref.slice(definitionRefPrefix.length));
      else missing.add(ref);
    });
  }
  return { names, missing };
}

/** Calls visit for schema and every schema nested in it (properties, items, maps, allOf). */
export function forEachSubschema(schema: OpenApiSchema, visit: (s: OpenApiSchema) => void): void {
  visit(schema);
  for (const child of Object.values(schema.properties ?? {})) forEachSubschema(child, visit);
  if (schema.items) forEachSubschema(schema.items, visit);
  if (typeof schema.additionalProperties === 'object') {
    forEachSubschema(schema.additionalProperties, visit);
  }
  for (const part of schema.allOf ?? []) forEachSubschema(part, visit);
}
