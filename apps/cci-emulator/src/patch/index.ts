/**
 * PATCH semantics of the emulator: the four patch content types kubectl and client-go send,
 * applied as pure functions so the HTTP layer only maps the outcome to a Status.
 */
import { applyJsonPatch } from './json-patch.ts';
import { jsonMergePatch } from './merge-patch.ts';
import type { JsonObject } from './patch-values.ts';
import { PatchFailure, isPlainObject } from './patch-values.ts';
import { strategicMergePatch } from './strategic-merge.ts';
import type { SchemaLookup } from './strategic-schema.ts';

export type { OpenApiSchemaLike, SchemaLookup } from './strategic-schema.ts';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const patchTypesByMediaType: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** Patch type of a PATCH request's Content-Type (parameters such as charset are ignored). */
export function patchTypeFromContentType(ct: string | undefined): PatchType | undefined {
  const mediaType = ct?.split(';')[0]?.trim().toLowerCase();
  return mediaType === undefined ? undefined : patchTypesByMediaType[mediaType];
}

export type PatchOutcome =
  { ok: true; result: object } | { ok: false; status: 400 | 415 | 422; message: string };

export interface ApplyPatchArgs {
  type: PatchType;
  original: object;
  /** The parsed JSON body; a string or bytes are parsed here (malformed JSON is a 400). */
  patch: unknown;
  /** OpenAPI definition of the object, e.g. 'io.k8s.api.apps.v1.Deployment'; absent for CRDs. */
  definition?: string;
  schemas: SchemaLookup;
}

// Worded like the API server's 415 so kubectl shows a familiar "UnsupportedMediaType" error.
const unknownFormat =
  'the body of the request was in an unknown format - accepted media types include:';
const customResourceTypes = 'application/json-patch+json, application/merge-patch+json';
const builtInTypes = `${customResourceTypes}, application/strategic-merge-patch+json`;

function decodeBody(patch: unknown): unknown {
  if (typeof patch !== 'string' && !(patch instanceof Uint8Array)) return patch;
  const text = typeof patch === 'string' ? patch : new TextDecoder().decode(patch);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PatchFailure(400, `patch body is not valid JSON: ${(error as Error).message}`);
  }
}

function requireObjectPatch(patch: unknown, what: string): JsonObject {
  if (!isPlainObject(patch)) throw new PatchFailure(400, `${what} must be a JSON object`);
  return patch;
}

function patchWith(args: ApplyPatchArgs, original: JsonObject): PatchOutcome {
  switch (args.type) {
    case 'apply':
      return {
        ok: false,
        status: 415,
        message: `${unknownFormat} ${args.definition ? builtInTypes : customResourceTypes} (server-side apply is not supported by this server; use client-side kubectl apply)`,
      };
    case 'json':
      return { ok: true, result: applyJsonPatch(original, decodeBody(args.patch)) };
    case 'merge': {
      const patch = requireObjectPatch(decodeBody(args.patch), 'merge patch');
      return { ok: true, result: jsonMergePatch(original, patch) };
    }
    case 'strategic': {
      if (!args.definition) {
        return {
          ok: false,
          status: 415,
          message: `${unknownFormat} ${customResourceTypes} (strategic merge patch is not supported for custom resources)`,
        };
      }
      const root = args.schemas.resolve(`#/definitions/${args.definition}`);
      if (!root) {
        return {
          ok: false,
          status: 415,
          message: `${unknownFormat} ${customResourceTypes} (no schema for ${args.definition}, so strategic merge patch is not supported)`,
        };
      }
      const patch = requireObjectPatch(decodeBody(args.patch), 'strategic merge patch');
      return { ok: true, result: strategicMergePatch(original, patch, root, args.schemas) };
    }
  }
}

/** Applies a PATCH body of the given type to a copy of original. Never throws for bad input. */
export function applyPatch(args: ApplyPatchArgs): PatchOutcome {
  if (!isPlainObject(args.original)) {
    return { ok: false, status: 422, message: 'the object to patch is not a JSON object' };
  }
  try {
    return patchWith(args, args.original);
  } catch (error) {
    if (error instanceof PatchFailure)
      return { ok: false, status: error.status, message: error.message };
    throw error;
  }
}
