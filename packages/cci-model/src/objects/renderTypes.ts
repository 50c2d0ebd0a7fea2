/**
 * Renders TypeScript declarations from OpenAPI definitions: the object types of every kind CCI
 * serves, generated from the same definitions the emulator serves at /openapi/v2 (so a type
 * has exactly the fields CCI's API has). scripts/generate-types.ts writes the result to
 * src/generated/k8s-types.ts; objects.test.ts fails while that file is out of date.
 */
import type { KindDescriptor } from '../kinds.ts';
import type { OpenApiDefinitions, OpenApiSchema } from '../schemas/openapi-schema.ts';
import { definitionRefPrefix } from '../schemas/openapi-schema.ts';

/** 'io.k8s.api.batch.v1beta1.CronJob' → group 'io.k8s.api.batch', version 'v1beta1', name. */
function parts(definition: string): { group: string; version: string; name: string } {
  const segments = definition.split('.');
  return {
    name: segments.at(-1) ?? definition,
    version: segments.at(-2) ?? '',
    group: segments.slice(0, -2).join('.'),
  };
}

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A type name per definition: its own name, unless another group/version has one of the same
 * name; then the group/version the kinds table lists first keeps it and the others are
 * qualified (BatchV1beta1CronJob, NetworkingV1beta1Ingress).
 */
export function typeNames(
  definitions: OpenApiDefinitions,
  kindList: readonly KindDescriptor[],
): Map<string, string> {
  const rank = new Map<string, number>();
  kindList.forEach((k, i) => {
    const gv = parts(k.definition).group + '.' + parts(k.definition).version;
    if (!rank.has(gv)) rank.set(gv, i);
  });
  const rankOf = (definition: string) => {
    const { group, version } = parts(definition);
    return rank.get(`${group}.${version}`) ?? -1;
  };
  const byName = new Map<string, string[]>();
  for (const definition of Object.keys(definitions).sort()) {
    const { name } = parts(definition);
    byName.set(name, [...(byName.get(name) ?? []), definition]);
  }
  const names = new Map<string, string>();
  for (const [name, sameName] of byName) {
    const [first, ...others] = [...sameName].sort((a, b) => rankOf(a) - rankOf(b));
    if (first) names.set(first, name);
    for (const definition of others) {
      const { group, version } = parts(definition);
      const groupWord = group.split('.').at(-1) ?? group;
      names.set(definition, `${pascal(groupWord)}${pascal(version)}${name}`);
    }
  }
  return names;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Definitions declared by hand elsewhere in the model, imported instead of generated: the wire
 * module's Status is the one Status type of the repository.
 */
export const importedDefinitions: Readonly<Record<string, { name: string; from: string }>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status': { name: 'Status', from: '../wire/status.ts' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause': {
    name: 'StatusCause',
    from: '../wire/status.ts',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails': {
    name: 'StatusDetails',
    from: '../wire/status.ts',
  },
};

/** The derived definitions describe a Quantity as a string, but YAML's `cpu: 1` is a number. */
const scalarOverrides: Readonly<Record<string, string>> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'number | string',
};

/** The first sentence of a description, for a one-line doc comment. */
function summary(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const oneLine = description.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
  const end = oneLine.search(/\.(\s|$)/);
  return end === -1 ? oneLine : oneLine.slice(0, end + 1);
}

function docLine(description: string | undefined, indent: string): string {
  const text = summary(description);
  return text ? `${indent}/** ${text} */\n` : '';
}

export function renderTypes(
  definitions: OpenApiDefinitions,
  kindList: readonly KindDescriptor[],
): string {
  const names = typeNames(definitions, kindList);
  const typeOf = (schema: OpenApiSchema, indent: string): string => {
    if (schema.$ref) {
      const target = schema.$ref.slice(definitionRefPrefix.length);
      const name = names.get(target);
      if (!name) throw new Error(`unresolved $ref ${schema.$ref}`);
      return name;
    }
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    if (schema.format === 'int-or-string') return 'number | string';
    switch (schema.type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return schema.items ? `${wrap(typeOf(schema.items, indent))}[]` : 'unknown[]';
      default:
        return objectType(schema, indent);
    }
  };
  const wrap = (type: string) => (/[|&]/.test(type) ? `(${type})` : type);
  const objectType = (schema: OpenApiSchema, indent: string): string => {
    const properties = schema.properties ?? {};
    const keys = Object.keys(properties);
    const extra = schema.additionalProperties;
    if (keys.length === 0) {
      if (typeof extra === 'object') return `Record<string, ${typeOf(extra, indent)}>`;
      return 'Record<string, unknown>';
    }
    const required = new Set(schema.required ?? []);
    const inner = indent + '  ';
    const lines = keys.map((key) => {
      const property = properties[key] as OpenApiSchema;
      const name = identifier.test(key) ? key : JSON.stringify(key);
      const optional = required.has(key) ? '' : '?';
      return `${docLine(property.description, inner)}${inner}${name}${optional}: ${typeOf(property, inner)};\n`;
    });
    return `{\n${lines.join('')}${indent}}`;
  };

  const out: string[] = [
    '// Generated by packages/cci-model/scripts/generate-types.ts from the OpenAPI definitions',
    '// the emulator serves (Kubernetes 1.17 as CCI serves it, and the CCI CRDs). Do not edit.',
    '',
  ];
  const imports = new Map<string, string[]>();
  for (const { name, from } of Object.values(importedDefinitions)) {
    imports.set(from, [...(imports.get(from) ?? []), name]);
  }
  for (const [from, imported] of imports) {
    const list = imported.sort().join(', ');
    out.push(`import type { ${list} } from '${from}';\n\nexport type { ${list} };\n`);
  }
  for (const definition of [...names.keys()].sort((a, b) =>
    (names.get(a) as string).localeCompare(names.get(b) as string),
  )) {
    if (definition in importedDefinitions) continue;
    const schema = definitions[definition] as OpenApiSchema;
    const name = names.get(definition) as string;
    out.push(`${docLine(schema.description ?? definition, '')}`.trimEnd());
    const type = scalarOverrides[definition] ?? typeOf(schema, '');
    out.push(
      type.startsWith('{')
        ? `export interface ${name} ${type}\n`
        : `export type ${name} = ${type};\n`,
    );
  }
  out.push(
    '/** The object type of each kind, by its name in the kinds table (the preferred version). */',
  );
  const byKind = new Map<string, string>();
  for (const k of kindList) {
    const name = names.get(k.definition);
    if (name && !byKind.has(k.kind)) byKind.set(k.kind, name);
  }
  const entries = [...byKind].map(([kind, name]) => `  ${kind}: ${name};\n`).join('');
  out.push(`export interface KindObjects {\n${entries}}\n`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
