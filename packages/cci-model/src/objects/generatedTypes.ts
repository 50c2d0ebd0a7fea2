/** Node-only (the generator and its test): where the generated types live and how they read. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kinds } from '../kinds.ts';
import { openApiDefinitions } from '../schemas/index.ts';
import { renderTypes } from './renderTypes.ts';

export const generatedTypesPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../generated/k8s-types.ts',
);

/** The file's text, formatted as prettier formats the repository. */
export async function renderObjectTypes(): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(generatedTypesPath)) ?? {};
  return prettier.format(renderTypes(openApiDefinitions(), kinds), {
    ...options,
    parser: 'typescript',
  });
}
