/**
 * OpenAPI v2 definitions of CCI's own resources, written from the developer guide (seed
 * chapters 3, 7 and 9) in the style of the derived Kubernetes definitions.
 */
import type { OpenApiSchema } from './openapi-schema.ts';
import { eipPoolDefinitions } from './crd-eippool.ts';
import { imageSnapshotDefinitions } from './crd-imagesnapshot.ts';
import { networkDefinitions } from './crd-network.ts';

export const cciCrdDefinitions: Readonly<Record<string, OpenApiSchema>> = {
  ...networkDefinitions,
  ...eipPoolDefinitions,
  ...imageSnapshotDefinitions,
};
