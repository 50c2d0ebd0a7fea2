/**
 * The volume binder (PV1): a new PersistentVolumeClaim is `Pending` while CCI provisions the EVS
 * disk or SFS share, then `Bound` after `bindMs` of emulated time (3 s by default, counted from
 * its creationTimestamp): `spec.volumeName` becomes `pvc-<uid>` (the name CCE/CCI give
 * dynamically provisioned volumes) and the status reports the requested capacity and the
 * access modes. No PersistentVolume object is created: CCI does not serve that kind.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';
import { KeyedTimers, timeOf, writeStatusIfChanged } from './statusWrite.ts';

export const pvcKind = findKindByResource('', 'v1', 'persistentvolumeclaims') as KindDescriptor;

export const PVC_BIND_MS = 3_000;

export interface PvcControllerOptions {
  bindMs?: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function volumeNameFor(claim: KubeObject): string {
  return `pvc-${claim.metadata.uid ?? ''}`;
}

function bind(ctx: ControllerContext, claim: KubeObject): void {
  const spec = record(claim['spec']);
  const volumeName = volumeNameFor(claim);
  let bound = claim;
  if (spec['volumeName'] !== volumeName) {
    const annotations = {
      ...(claim.metadata.annotations ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    };
    const updated = ctx.update(pvcKind, {
      ...claim,
      metadata: { ...claim.metadata, annotations },
      spec: { ...spec, volumeName },
    });
    if (!('metadata' in updated)) return;
    bound = updated;
  }
  const storage = record(record(spec['resources'])['requests'])['storage'];
  const status = {
    phase: 'Bound',
    accessModes: Array.isArray(spec['accessModes']) ? spec['accessModes'] : ['ReadWriteOnce'],
    capacity: typeof storage === 'string' ? { storage } : {},
  };
  writeStatusIfChanged(ctx, pvcKind, bound, status);
  const storageClass =
    typeof spec['storageClassName'] === 'string'
      ? ` (storage class ${spec['storageClassName']})`
      : '';
  ctx.event({
    involved: bound,
    type: 'Normal',
    reason: 'ProvisioningSucceeded',
    message: `Successfully provisioned volume ${volumeName}${storageClass}`,
    source: 'persistentvolume-controller',
  });
}

export function createPvcController(options: PvcControllerOptions = {}): Controller {
  const bindMs = options.bindMs ?? PVC_BIND_MS;
  const timers = new KeyedTimers();
  const controller: Controller = {
    name: 'persistentvolumeclaim',
    watches: [{ kind: pvcKind, keysFor: (obj) => [objectKey(obj)] }],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const claim = ctx.get(pvcKind, namespace, name);
      if (!claim || claim.metadata.deletionTimestamp) {
        timers.disarm(key);
        return;
      }
      const phase = record(claim['status'])['phase'];
      if (phase === 'Bound' || phase === 'Lost') return;
      const due = (timeOf(claim.metadata.creationTimestamp) ?? ctx.clock.now().getTime()) + bindMs;
      if (ctx.clock.now().getTime() >= due) {
        bind(ctx, claim);
        return;
      }
      writeStatusIfChanged(ctx, pvcKind, claim, { phase: 'Pending' });
      timers.arm(ctx, key, due, () => controller.reconcile(key, ctx));
    },
  };
  return controller;
}
