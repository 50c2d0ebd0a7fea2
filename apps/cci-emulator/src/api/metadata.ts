import { randomUUID } from 'node:crypto';
import {
  apiVersionOf,
  isDns1123Label,
  isDns1123Subdomain,
  type KindDescriptor,
  type StatusCause,
} from '@cci/model';
import { errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';

/** Kinds whose names must be DNS-1123 labels rather than subdomains. */
const labelNamedKinds = new Set(['Namespace', 'Service']);

export function validateName(kind: KindDescriptor, name: string): StatusCause | undefined {
  const label = labelNamedKinds.has(kind.kind);
  const max = label ? 63 : 253;
  if (name.length === 0)
    return {
      reason: 'FieldValueRequired',
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
    };
  if (!(label ? isDns1123Label(name) : isDns1123Subdomain(name))) {
    const what = label ? 'a lowercase RFC 1123 label' : 'a lowercase RFC 1123 subdomain';
    const example = label ? "'my-name',  or '123-abc'" : "'example.com'";
    return {
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: `Invalid value: "${name}": ${what} must consist of lower case alphanumeric characters, '-'${label ? '' : " or '.'"}, and must start and end with an alphanumeric character (e.g. ${example}; at most ${max} characters)`,
    };
  }
  return undefined;
}

const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes' random name suffix: 5 characters from a vowel-free alphabet. */
export function randomSuffix(length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++)
    s += suffixAlphabet[Math.floor(Math.random() * suffixAlphabet.length)];
  return s;
}

export function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the envelope of a request body and returns it as a KubeObject. */
export function asKubeObject(kind: KindDescriptor, body: unknown): KubeObject {
  if (!isRecord(body)) throw errors.badRequest('the request body must be a JSON or YAML object');
  const expectedApiVersion = apiVersionOf(kind);
  if (body['kind'] !== undefined && body['kind'] !== kind.kind) {
    throw errors.badRequest(
      `the body of the request was of kind "${String(body['kind'])}", expected "${kind.kind}" for ${kind.plural}`,
    );
  }
  if (body['apiVersion'] !== undefined && body['apiVersion'] !== expectedApiVersion) {
    throw errors.badRequest(
      `the API version in the data (${String(body['apiVersion'])}) does not match the expected API version (${expectedApiVersion})`,
    );
  }
  const metadata = body['metadata'] ?? {};
  if (!isRecord(metadata)) throw errors.badRequest('metadata: must be an object');
  for (const field of ['labels', 'annotations'] as const) {
    const map = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isRecord(map) || Object.values(map).some((v) => typeof v !== 'string')) {
      throw errors.badRequest(
        `metadata.${field}: every value must be a string (quote values such as "true" or "0")`,
      );
    }
  }
  return {
    ...body,
    apiVersion: expectedApiVersion,
    kind: kind.kind,
    metadata: metadata as KubeObject['metadata'],
  };
}

/** Fields the server owns on create: identity, timestamps, generation. */
export function prepareForCreate(
  kind: KindDescriptor,
  obj: KubeObject,
  namespace: string | undefined,
  now: Date,
): KubeObject {
  const meta = { ...obj.metadata };
  if (kind.namespaced) {
    if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    meta.namespace = namespace;
  } else {
    delete meta.namespace;
  }
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
  const nameProblem = validateName(kind, meta.name ?? '');
  if (nameProblem) throw errors.invalid(kind, meta.name ?? '', [nameProblem]);
  meta.uid = randomUUID();
  meta.creationTimestamp = timestamp(now);
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  if ('spec' in obj) meta.generation = 1;
  const created: KubeObject = { ...obj, metadata: meta };
  // Status belongs to the controllers: a client cannot create an object "already running".
  if (kind.subresources.includes('status')) delete created['status'];
  // A new namespace is usable at once: the API server itself marks it Active.
  if (kind.kind === 'Namespace') created['status'] = { phase: 'Active' };
  return created;
}

function specOf(obj: KubeObject): string {
  const { metadata: _m, status: _s, ...rest } = obj;
  return JSON.stringify(rest);
}

/**
 * Carries over what an update may not change (identity, creation time, status unless this is the
 * status subresource) and bumps generation when the spec changed.
 */
export function prepareForUpdate(
  kind: KindDescriptor,
  next: KubeObject,
  current: KubeObject,
  statusOnly: boolean,
): KubeObject {
  if (next.metadata.uid !== undefined && next.metadata.uid !== current.metadata.uid) {
    throw errors.invalid(kind, current.metadata.name, [
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.uid',
        message: `Invalid value: "${next.metadata.uid}": field is immutable`,
      },
    ]);
  }
  const meta = {
    ...next.metadata,
    name: current.metadata.name,
    namespace: current.metadata.namespace,
    uid: current.metadata.uid,
    creationTimestamp: current.metadata.creationTimestamp,
    deletionTimestamp: current.metadata.deletionTimestamp,
    deletionGracePeriodSeconds: current.metadata.deletionGracePeriodSeconds,
    generation: current.metadata.generation,
  };
  if (!kind.namespaced) delete meta.namespace;
  for (const k of [
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'generation',
    'namespace',
  ] as const) {
    if (meta[k] === undefined) delete meta[k];
  }
  let updated: KubeObject;
  if (statusOnly) {
    updated = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: meta.resourceVersion },
      status: next['status'],
    };
  } else {
    updated = { ...next, metadata: meta };
    if (kind.subresources.includes('status')) {
      if (current['status'] === undefined) delete updated['status'];
      else updated['status'] = current['status'];
    }
    if (specOf(updated) !== specOf(current) && meta.generation !== undefined) {
      updated.metadata.generation = meta.generation + 1;
    }
  }
  return updated;
}
