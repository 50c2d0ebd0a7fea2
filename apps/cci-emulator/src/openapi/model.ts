import { openApiDefinitions } from '@cci/model';
import { buildOpenApiV2Document } from './document.ts';
import { serverVersion } from '../api/discovery.ts';

let cached: object | undefined;

/** /openapi/v2 of this server: the model's schemas, built once. */
export function openApiV2DocumentForModel(): object {
  cached ??= buildOpenApiV2Document(openApiDefinitions() as Record<string, object>, {
    title: 'CCI',
    version: serverVersion.gitVersion,
  });
  return cached;
}
