import { isCustomKind, type KindDescriptor } from '@cci/model';
import { withDefaults } from '../defaults/defaults.ts';
import { errors } from '../http/errors.ts';
import { applyPatch, patchTypeFromContentType } from '../patch/index.ts';
import type { KubeObject } from '../store/types.ts';
import { runAdmission, type ApiContext, type WriteResult } from './context.ts';
import { deleteObject, finalizeIfReady, namespaceKind, type DeleteOptions } from './deletion.ts';
import { asKubeObject, prepareForCreate, prepareForUpdate } from './metadata.ts';
import { schemaLookup } from './schemaLookup.ts';
import { keepTenant } from './tenancy.ts';

function nsKey(kind: KindDescriptor, namespace: string | undefined): string {
  return kind.namespaced ? (namespace ?? '') : '';
}

export function getObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
): KubeObject {
  const obj = ctx.store.get(kind.storageKey, nsKey(kind, namespace), name);
  if (!obj) throw errors.notFound(kind, name);
  return obj;
}

function requireNamespace(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
): void {
  if (!kind.namespaced) return;
  if (namespace === undefined) throw errors.notFoundPath();
  const ns = ctx.store.get(namespaceKind.storageKey, '', namespace);
  if (!ns) throw errors.notFound(namespaceKind, namespace);
  if (ns.metadata.deletionTimestamp) {
    throw errors.forbidden(
      `${kind.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    );
  }
}

export function createObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  body: unknown,
  dryRun: boolean,
): WriteResult {
  const prepared = withDefaults(
    kind,
    prepareForCreate(kind, asKubeObject(kind, body), namespace, ctx.clock.now()),
  );
  requireNamespace(ctx, kind, namespace, prepared.metadata.name);
  if (ctx.store.get(kind.storageKey, nsKey(kind, namespace), prepared.metadata.name)) {
    throw errors.alreadyExists(kind, prepared.metadata.name);
  }
  const admitted = runAdmission(ctx, {
    operation: 'CREATE',
    kind,
    namespace,
    object: prepared,
    oldObject: undefined,
    subresource: undefined,
  });
  const object = dryRun ? admitted.object : ctx.store.put(kind.storageKey, admitted.object);
  return { object, status: 201, warnings: admitted.warnings };
}

function commitUpdate(
  ctx: ApiContext,
  kind: KindDescriptor,
  current: KubeObject,
  next: KubeObject,
  subresource: string | undefined,
  dryRun: boolean,
): WriteResult {
  const sentVersion = next.metadata.resourceVersion;
  if (
    sentVersion !== undefined &&
    sentVersion !== '' &&
    sentVersion !== current.metadata.resourceVersion
  ) {
    throw errors.conflict(kind, current.metadata.name);
  }
  const prepared = withDefaults(
    kind,
    keepTenant(prepareForUpdate(kind, next, current, subresource === 'status'), current),
  );
  const admitted = runAdmission(ctx, {
    operation: 'UPDATE',
    kind,
    namespace: current.metadata.namespace,
    object: prepared,
    oldObject: current,
    subresource,
  });
  if (dryRun) return { object: admitted.object, status: 200, warnings: admitted.warnings };
  const stored = ctx.store.put(kind.storageKey, admitted.object);
  return { object: finalizeIfReady(ctx, kind, stored), status: 200, warnings: admitted.warnings };
}

export function updateObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  body: unknown,
  subresource: string | undefined,
  dryRun: boolean,
): WriteResult {
  const current = getObject(ctx, kind, namespace, name);
  const next = asKubeObject(kind, body);
  if (next.metadata.name !== undefined && next.metadata.name !== name) {
    throw errors.badRequest(
      `the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  return commitUpdate(ctx, kind, current, next, subresource, dryRun);
}

export function patchObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  contentType: string | undefined,
  patch: unknown,
  subresource: string | undefined,
  dryRun: boolean,
): WriteResult {
  const current = getObject(ctx, kind, namespace, name);
  const type = patchTypeFromContentType(contentType);
  if (!type)
    throw errors.unsupportedMediaType(
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${isCustomKind(kind) ? '' : ', application/strategic-merge-patch+json'}`,
    );
  const { metadata: _rvFree, ...rest } = current;
  const base = { ...rest, metadata: { ...current.metadata } };
  delete base.metadata.resourceVersion;
  const result = applyPatch({
    type,
    original: base,
    patch,
    ...(isCustomKind(kind) ? {} : { definition: kind.definition }),
    schemas: schemaLookup,
  });
  if (!result.ok) {
    if (result.status === 415) throw errors.unsupportedMediaType(result.message);
    if (result.status === 422) throw errors.invalid(kind, name, [{ message: result.message }]);
    throw errors.badRequest(result.message);
  }
  return commitUpdate(ctx, kind, current, asKubeObject(kind, result.result), subresource, dryRun);
}

export function removeObject(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): WriteResult {
  const current = getObject(ctx, kind, namespace, name);
  if (options.preconditions?.uid && options.preconditions.uid !== current.metadata.uid) {
    throw errors.conflict(kind, name);
  }
  if (
    options.preconditions?.resourceVersion &&
    options.preconditions.resourceVersion !== current.metadata.resourceVersion
  ) {
    throw errors.conflict(kind, name);
  }
  const admitted = runAdmission(ctx, {
    operation: 'DELETE',
    kind,
    namespace,
    object: current,
    oldObject: current,
    subresource: undefined,
  });
  if (options.dryRun) return { object: current, status: 200, warnings: admitted.warnings };
  const result = deleteObject(ctx, kind, current, options);
  return {
    object: result.object,
    status: result.finished ? 200 : 202,
    warnings: admitted.warnings,
  };
}
