/**
 * Test helper: a minimal draft-07 checker covering the keywords toJsonSchema emits, so tests
 * can validate documents without adding ajv. Returns one message per violation.
 */
import type { JsonSchema, JsonSchemaDocument } from './json-schema.ts';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(actual: string, wanted: unknown): boolean {
  const types = Array.isArray(wanted) ? wanted : [wanted];
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function check(
  doc: JsonSchemaDocument,
  schema: JsonSchema,
  value: unknown,
  path: string,
  errors: string[],
): void {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = doc.definitions[ref.replace('#/definitions/', '')];
    if (!target) errors.push(`${path}: dangling ${ref}`);
    else check(doc, target, value, path, errors);
  }
  for (const part of (schema['allOf'] as JsonSchema[] | undefined) ?? []) {
    check(doc, part, value, path, errors);
  }
  if (schema['type'] !== undefined && !typeMatches(typeOf(value), schema['type'])) {
    errors.push(`${path}: expected ${String(schema['type'])}, got ${typeOf(value)}`);
    return;
  }
  const allowed = schema['enum'] as unknown[] | undefined;
  if (allowed && !allowed.includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    if (minimum !== undefined && value < minimum) errors.push(`${path}: below ${minimum}`);
    if (maximum !== undefined && value > maximum) errors.push(`${path}: above ${maximum}`);
  }
  if (typeof value === 'string' && typeof schema['pattern'] === 'string') {
    if (!new RegExp(schema['pattern']).test(value)) errors.push(`${path}: does not match pattern`);
  }
  if (Array.isArray(value) && schema['items']) {
    value.forEach((item, i) =>
      check(doc, schema['items'] as JsonSchema, item, `${path}[${i}]`, errors),
    );
  }
  if (typeOf(value) !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const name of (schema['required'] as string[] | undefined) ?? []) {
    if (!(name in object)) errors.push(`${path}: missing required ${name}`);
  }
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const additional = schema['additionalProperties'];
  for (const [name, child] of Object.entries(object)) {
    const childPath = `${path}.${name}`;
    const known = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (known) check(doc, known, child, childPath, errors);
    else if (additional === false) errors.push(`${childPath}: unknown field`);
    else if (typeof additional === 'object') {
      check(doc, additional as JsonSchema, child, childPath, errors);
    }
  }
}

export function checkAgainst(doc: JsonSchemaDocument, value: unknown): string[] {
  const errors: string[] = [];
  check(doc, { $ref: doc.$ref }, value, '$', errors);
  return errors;
}
