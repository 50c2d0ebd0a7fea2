import { resolveRef } from '@cci/model';

/** The OpenAPI definitions, for patch strategies (merge keys) and validation. */
export const schemaLookup = {
  resolve: (ref: string) => resolveRef(ref),
};
