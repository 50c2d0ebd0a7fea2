/**
 * Writes src/generated/k8s-types.ts: the object types of every kind, from the OpenAPI
 * definitions the emulator serves. Run after changing the kinds table, the definitions or a
 * CRD: npx tsx packages/cci-model/scripts/generate-types.ts (objects.test.ts fails until then).
 */
import { writeFileSync } from 'node:fs';
import { generatedTypesPath, renderObjectTypes } from '../src/objects/generatedTypes.ts';

const text = await renderObjectTypes();
writeFileSync(generatedTypesPath, text);
console.log(`wrote ${generatedTypesPath}: ${text.length} bytes`);
