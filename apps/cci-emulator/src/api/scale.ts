import { formatSelectorObject, type KindDescriptor } from '@cci/model';
import { errors } from '../http/errors.ts';
import { applyPatch, patchTypeFromContentType } from '../patch/index.ts';
import type { KubeObject } from '../store/types.ts';
import type { ApiContext, WriteResult } from './context.ts';
import { getObject, updateObject } from './resourceApi.ts';
import { schemaLookup } from './schemaLookup.ts';

interface WorkloadSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: never[] };
}

/** The autoscaling/v1 Scale view of a Deployment or ReplicaSet (what `kubectl scale` uses). */
export function scaleOf(obj: KubeObject): KubeObject {
  const spec = (obj['spec'] ?? {}) as WorkloadSpec;
  const status = (obj['status'] ?? {}) as { replicas?: number };
  const selector = (spec.selector && formatSelectorObject(spec.selector)) ?? '';
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

function replicasFrom(scale: unknown): number {
  const replicas = (scale as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw errors.badRequest('spec.replicas: Invalid value: must be a non-negative integer');
  }
  return replicas;
}

export function writeScale(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  method: 'PUT' | 'PATCH',
  contentType: string | undefined,
  body: unknown,
  dryRun: boolean,
): WriteResult {
  const current = getObject(ctx, kind, namespace, name);
  let desired: unknown = body;
  if (method === 'PATCH') {
    const type = patchTypeFromContentType(contentType);
    if (!type)
      throw errors.unsupportedMediaType('unsupported patch type for the scale subresource');
    const result = applyPatch({
      type,
      original: scaleOf(current),
      patch: body,
      definition: 'io.k8s.api.autoscaling.v1.Scale',
      schemas: schemaLookup,
    });
    if (!result.ok) throw errors.badRequest(result.message);
    desired = result.result;
  } else {
    const sentVersion = (body as { metadata?: { resourceVersion?: string } } | undefined)?.metadata
      ?.resourceVersion;
    if (sentVersion && sentVersion !== current.metadata.resourceVersion)
      throw errors.conflict(kind, name);
  }
  const replicas = replicasFrom(desired);
  const next = { ...current, spec: { ...(current['spec'] as object), replicas } };
  const result = updateObject(ctx, kind, namespace, name, next, undefined, dryRun);
  return { ...result, object: scaleOf(result.object) };
}
