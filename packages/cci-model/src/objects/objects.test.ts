import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kinds } from '../kinds.ts';
import { openApiDefinitions } from '../schemas/index.ts';
import type { OpenApiSchema } from '../schemas/openapi-schema.ts';
import { generatedTypesPath, renderObjectTypes } from './generatedTypes.ts';
import { importedDefinitions, typeNames } from './renderTypes.ts';

const committed = readFileSync(generatedTypesPath, 'utf8');

/** Interface name → its members and whether each is optional, read by the TypeScript parser. */
function declaredInterfaces(text = committed): Map<string, Map<string, boolean>> {
  const file = ts.createSourceFile('k8s-types.ts', text, ts.ScriptTarget.Latest);
  const out = new Map<string, Map<string, boolean>>();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = new Map<string, boolean>();
    for (const member of statement.members) {
      if (ts.isPropertySignature(member) && member.name) {
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(file);
        members.set(name, member.questionToken !== undefined);
      }
    }
    out.set(statement.name.text, members);
  }
  return out;
}

describe('src/generated/k8s-types.ts', () => {
  it('is what scripts/generate-types.ts writes for the current definitions', async () => {
    expect(committed === (await renderObjectTypes())).toBe(true);
  });

  it('declares every property of every definition, the required ones as required', () => {
    const declared = declaredInterfaces();
    const names = typeNames(openApiDefinitions(), kinds);
    let checked = 0;
    for (const [definition, schema] of Object.entries(openApiDefinitions())) {
      const properties = Object.keys((schema as OpenApiSchema).properties ?? {});
      if (properties.length === 0 || definition in importedDefinitions) continue;
      const members = declared.get(names.get(definition) ?? '');
      expect(members, definition).toBeDefined();
      const required = new Set(schema.required ?? []);
      for (const property of properties) {
        expect(members?.get(property), `${definition}.${property}`).toBe(!required.has(property));
        checked += 1;
      }
      expect(members?.size, definition).toBe(properties.length);
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('names an object type for every kind, the CCI CRDs included', () => {
    const kindObjects = declared('KindObjects');
    for (const k of kinds) expect(kindObjects.has(k.kind), k.kind).toBe(true);
    expect(declared('EIPPool').get('spec')).toBe(true);
    expect(declared('ImageSnapshot').has('status')).toBe(true);
    expect(declared('Network').has('spec')).toBe(true);
  });
});

describe('the wire Status', () => {
  it('has every field of metav1.Status, StatusCause and StatusDetails', () => {
    const path = new URL('../wire/status.ts', import.meta.url);
    const wire = declaredInterfaces(readFileSync(path, 'utf8'));
    for (const [definition, { name }] of Object.entries(importedDefinitions)) {
      const schema = openApiDefinitions()[definition] as OpenApiSchema;
      for (const property of Object.keys(schema.properties ?? {})) {
        expect(wire.get(name)?.has(property), `${name}.${property}`).toBe(true);
      }
    }
  });
});

function declared(name: string): Map<string, boolean> {
  return declaredInterfaces().get(name) ?? new Map();
}
