/**
 * RFC 6902 JSON patch through fast-json-patch, with the API server's split of errors: a patch
 * that is not a well-formed operation list is a 400, one that does not apply to the object
 * (missing path, failed `test`) is a 422.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { JsonObject } from './patch-values.ts';
import { PatchFailure, describeJson, isPlainObject } from './patch-values.ts';

const malformedErrors = new Set([
  'SEQUENCE_NOT_AN_ARRAY',
  'OPERATION_NOT_AN_OBJECT',
  'OPERATION_OP_INVALID',
  'OPERATION_PATH_INVALID',
  'OPERATION_FROM_REQUIRED',
  'OPERATION_VALUE_REQUIRED',
  'OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED',
]);

function describeOperation(op: unknown): string {
  if (!isPlainObject(op)) return describeJson(op);
  return `${String(op['op'])} ${String(op['path'])}`;
}

function reasonOf(error: unknown): { name: string; message: string } {
  // fast-json-patch appends the operation and the whole document to its messages; keep line one.
  if (error instanceof Error) {
    return { name: error.name, message: error.message.split('\n')[0] ?? '' };
  }
  return { name: 'Error', message: String(error) };
}

function checkWellFormed(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw new PatchFailure(400, 'json patch must be a JSON array of operations');
  }
  patch.forEach((op: unknown, index) => {
    try {
      jsonpatch.validator(op as Operation, index);
    } catch (error) {
      const { message } = reasonOf(error);
      throw new PatchFailure(
        400,
        `json patch operation ${index} (${describeOperation(op)}) is invalid: ${message}`,
      );
    }
  });
  return patch as Operation[];
}

/** Applies an RFC 6902 patch to a copy of original. Throws PatchFailure. */
export function applyJsonPatch(original: JsonObject, patch: unknown): JsonObject {
  const operations = structuredClone(checkWellFormed(patch));
  let document: unknown = structuredClone(original);
  operations.forEach((op, index) => {
    try {
      document = jsonpatch.applyOperation(document, op, true, true, true, index).newDocument;
    } catch (error) {
      const { name, message } = reasonOf(error);
      const status = malformedErrors.has(name) ? 400 : 422;
      const reason =
        name === 'TEST_OPERATION_FAILED'
          ? `test failed, value is not ${describeJson((op as { value?: unknown }).value)}`
          : message;
      throw new PatchFailure(
        status,
        `json patch operation ${index} (${describeOperation(op)}) failed: ${reason}`,
      );
    }
  });
  if (!isPlainObject(document)) {
    throw new PatchFailure(422, 'json patch result is not a JSON object');
  }
  return document;
}
