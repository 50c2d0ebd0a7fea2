/**
 * The Swagger 2.0 document served at /openapi/v2. Paths stay empty on purpose: kubectl only reads
 * `definitions` for client-side validation, and an operation advertising the `fieldValidation`
 * query parameter would make kubectl skip client-side validation and trust the server instead.
 */
export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
}

export interface OpenApiV2Document {
  readonly swagger: '2.0';
  readonly info: OpenApiInfo;
  readonly paths: Readonly<Record<string, unknown>>;
  readonly definitions: Readonly<Record<string, object>>;
}

export const defaultOpenApiInfo: OpenApiInfo = { title: 'Kubernetes', version: 'v1.19.10' };

const definitionRefPrefix = '#/definitions/';

/**
 * Builds the document, refusing definitions that kubectl could not load: kubectl parses every
 * definition up front, so a single dangling `$ref` or multi-valued `type` anywhere makes it reject
 * the whole document and fail every `kubectl create`, not just the affected kind.
 */
export function buildOpenApiV2Document(
  definitions: Record<string, object>,
  info: OpenApiInfo = defaultOpenApiInfo,
): OpenApiV2Document {
  const problems = findKubectlSchemaProblems(definitions);
  if (problems.length > 0) {
    throw new Error(`OpenAPI definitions kubectl cannot load:\n  ${problems.join('\n  ')}`);
  }
  return {
    swagger: '2.0',
    info: { title: info.title, version: info.version },
    paths: {},
    definitions,
  };
}

/** Problems that make kube-openapi's parser (used by kubectl) reject the definitions. */
export function findKubectlSchemaProblems(definitions: Record<string, object>): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(definitions)) {
    visitSchemaNodes(schema, name, (node, path) => {
      const ref = node['$ref'];
      if (typeof ref === 'string') {
        const target = ref.startsWith(definitionRefPrefix)
          ? ref.slice(definitionRefPrefix.length)
          : ref;
        if (!Object.hasOwn(definitions, target))
          problems.push(`${path}: $ref to unknown definition ${ref}`);
      }
      const type = node['type'];
      if (Array.isArray(type) && type.length > 1)
        problems.push(`${path}: multiple types ${type.join(',')}`);
    });
  }
  return problems;
}

type SchemaNode = Record<string, unknown>;

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Walks schema positions only (not enum/default values, which may contain look-alike keys).
function visitSchemaNodes(
  schema: unknown,
  path: string,
  visit: (node: SchemaNode, path: string) => void,
): void {
  if (!isSchemaNode(schema)) return;
  visit(schema, path);
  const { properties, items, additionalProperties, allOf } = schema;
  if (isSchemaNode(properties)) {
    for (const [field, sub] of Object.entries(properties))
      visitSchemaNodes(sub, `${path}.${field}`, visit);
  }
  const itemList = Array.isArray(items) ? items : [items];
  itemList.forEach((sub) => visitSchemaNodes(sub, `${path}[]`, visit));
  visitSchemaNodes(additionalProperties, `${path}{}`, visit);
  if (Array.isArray(allOf))
    allOf.forEach((sub, i) => visitSchemaNodes(sub, `${path}.allOf[${i}]`, visit));
}
