/**
 * Checks a plain value against one of @cci/model's JSON Schemas (the draft-07 subset
 * toJsonSchema emits) and says where and why, as data: the caller positions and words it.
 */
import type { JsonSchema, JsonSchemaDocument } from '@cci/model';

export type PathSegment = string | number;

export type SchemaFinding =
  | { code: 'unknownField'; path: PathSegment[]; field: string; known: string[] }
  | { code: 'wrongType'; path: PathSegment[]; expected: string[]; actual: string }
  | { code: 'required'; path: PathSegment[]; field: string }
  | { code: 'notInEnum'; path: PathSegment[]; allowed: unknown[]; value: unknown }
  | {
      code: 'tooSmall' | 'tooLarge' | 'tooShort' | 'tooLong';
      path: PathSegment[];
      limit: number;
    }
  | { code: 'pattern'; path: PathSegment[]; pattern: string };

export function valueType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(actual: string, wanted: string[]): boolean {
  return wanted.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

const regexCache = new Map<string, RegExp>();

function check(
  doc: JsonSchemaDocument,
  schema: JsonSchema,
  value: unknown,
  path: PathSegment[],
  out: SchemaFinding[],
): void {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = doc.definitions[ref.replace('#/definitions/', '')];
    if (target) check(doc, target, value, path, out);
  }
  for (const part of (schema['allOf'] as JsonSchema[] | undefined) ?? []) {
    check(doc, part, value, path, out);
  }
  const actual = valueType(value);
  // An empty value (`key:` with nothing after it) means "not set" to the API server.
  if (actual === 'null') return;
  const type = schema['type'] as string | string[] | undefined;
  if (type !== undefined) {
    const expected = Array.isArray(type) ? type : [type];
    if (!typeMatches(actual, expected)) {
      out.push({ code: 'wrongType', path, expected, actual });
      return;
    }
  }
  const allowed = schema['enum'] as unknown[] | undefined;
  if (allowed && !allowed.includes(value)) out.push({ code: 'notInEnum', path, allowed, value });
  if (typeof value === 'number') checkNumber(schema, value, path, out);
  if (typeof value === 'string') checkString(schema, value, path, out);
  if (Array.isArray(value)) {
    const items = schema['items'] as JsonSchema | undefined;
    if (items) value.forEach((item, i) => check(doc, items, item, [...path, i], out));
    const { minItems } = schema as { minItems?: number };
    if (minItems !== undefined && value.length < minItems) {
      out.push({ code: 'tooShort', path, limit: minItems });
    }
  }
  if (actual === 'object') checkObject(doc, schema, value as Record<string, unknown>, path, out);
}

function checkNumber(schema: JsonSchema, value: number, path: PathSegment[], out: SchemaFinding[]) {
  const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
  if (minimum !== undefined && value < minimum)
    out.push({ code: 'tooSmall', path, limit: minimum });
  if (maximum !== undefined && value > maximum)
    out.push({ code: 'tooLarge', path, limit: maximum });
}

function checkString(schema: JsonSchema, value: string, path: PathSegment[], out: SchemaFinding[]) {
  const { minLength, maxLength, pattern } = schema as {
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
  if (minLength !== undefined && value.length < minLength) {
    out.push({ code: 'tooShort', path, limit: minLength });
  }
  if (maxLength !== undefined && value.length > maxLength) {
    out.push({ code: 'tooLong', path, limit: maxLength });
  }
  if (pattern !== undefined) {
    let regex = regexCache.get(pattern);
    if (!regex) regexCache.set(pattern, (regex = new RegExp(pattern, 'u')));
    if (!regex.test(value)) out.push({ code: 'pattern', path, pattern });
  }
}

function checkObject(
  doc: JsonSchemaDocument,
  schema: JsonSchema,
  object: Record<string, unknown>,
  path: PathSegment[],
  out: SchemaFinding[],
): void {
  for (const name of (schema['required'] as string[] | undefined) ?? []) {
    if (object[name] === undefined || object[name] === null) {
      out.push({ code: 'required', path, field: name });
    }
  }
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  const additional = schema['additionalProperties'];
  for (const [name, child] of Object.entries(object)) {
    const known = properties && Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (known) check(doc, known, child, [...path, name], out);
    else if (additional === false) {
      out.push({
        code: 'unknownField',
        path: [...path, name],
        field: name,
        known: Object.keys(properties ?? {}),
      });
    } else if (typeof additional === 'object' && additional !== null) {
      check(doc, additional as JsonSchema, child, [...path, name], out);
    }
  }
}

/** Every way `value` breaks the schema, outermost first. */
export function validateAgainstSchema(doc: JsonSchemaDocument, value: unknown): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  check(doc, { $ref: doc.$ref }, value, [], out);
  return out;
}
