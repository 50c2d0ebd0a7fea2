/**
 * Writes src/generated/k8s-definitions.json from the official Kubernetes 1.17 definitions.
 * Run after changing the kinds table: npx tsx packages/cci-model/scripts/generate-schemas.ts
 * (schemas.test.ts fails while the committed file is out of date).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderGeneratedDefinitions } from '../src/schemas/derive-k8s-definitions.ts';
import { generateK8sDefinitions, generatedDefinitionsPath } from '../src/schemas/k8s-source.ts';

const generated = generateK8sDefinitions();
const text = renderGeneratedDefinitions(generated);
mkdirSync(dirname(generatedDefinitionsPath), { recursive: true });
writeFileSync(generatedDefinitionsPath, text);
const count = Object.keys(generated.definitions).length;
console.log(`wrote ${generatedDefinitionsPath}: ${count} definitions, ${text.length} bytes`);
