/**
 * Per-pod EIPs (E4, E7, E9, EIP1-EIP6): what the container network controller does for a pod
 * with EIP annotations. The EIP is chosen from the annotations the pod was created with
 * (eip-id > pod-with-eip > eip-pool, EIP3), bound in the emulated EIP service, and reported in
 * the pod's `yangtse.io/allocated-ipv4-eip` annotation (a metadata update; pod status is the pod
 * lifecycle controller's). A pod that cannot get one yet (pool exhausted, EIP bound to the pod
 * being replaced) gets a Warning event and waits: it is served as soon as an EIP frees up.
 * When the pod is gone, a pool or user EIP is released and an EIP created with it deleted (EIP6);
 * nothing is reserved by pod name, so a re-created pod draws again (E9).
 *
 * The annotations at creation are remembered in memory from the first watch event of the pod,
 * so later changes can be reported as ignored (EIP4); after a restart the remembered ones are
 * those the pod had then.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import { timestamp } from '../api/metadata.ts';
import { eipInventory, eipOfRecord, eipRecordKind, isPodUser } from '../cloud/eipInventory.ts';
import type { Eip, EipInventory } from '../cloud/eipInventory.ts';
import type { KubeObject } from '../store/types.ts';
import { eipPoolKind } from './eipPoolModel.ts';
import { chooseEip } from './podEipChoice.ts';
import {
  changedEipAnnotations,
  eipAnnotationFingerprint,
  eipAnnotations,
  eipRequestOf,
  type EipRequest,
} from './podEipRequest.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';

const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;
const SOURCE = 'yangtse-eip-controller';

interface PodMemo {
  namespace: string;
  name: string;
  request: EipRequest;
  fingerprint: string;
  /** The last changed fingerprint already reported (EIP4). */
  reported?: string;
  /** The last Warning sent, so a waiting pod is told once per cause. */
  lastWarning?: string;
}

function byCreation(a: KubeObject, b: KubeObject): number {
  return (
    (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
    a.metadata.name.localeCompare(b.metadata.name)
  );
}

function ensureAllocatedAnnotation(ctx: ControllerContext, pod: KubeObject, address: string): void {
  const annotations = pod.metadata.annotations ?? {};
  if (annotations[eipAnnotations.allocated] === address) return;
  ctx.update(podKind, {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: { ...annotations, [eipAnnotations.allocated]: address },
    },
  });
}

export function createPodEipController(): Controller {
  const memos = new Map<string, PodMemo>();
  /** The uids remembered per pod name (`namespace/name`), so a reconcile need not scan all memos. */
  const uidsByName = new Map<string, Set<string>>();

  const remember = (pod: KubeObject): PodMemo | undefined => {
    const uid = pod.metadata.uid;
    if (!uid || !pod.metadata.namespace) return undefined;
    let memo = memos.get(uid);
    if (!memo) {
      const annotations = pod.metadata.annotations;
      memo = {
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        request: eipRequestOf(annotations),
        fingerprint: eipAnnotationFingerprint(annotations),
      };
      memos.set(uid, memo);
      const name = `${memo.namespace}/${memo.name}`;
      const uids = uidsByName.get(name);
      if (uids) uids.add(uid);
      else uidsByName.set(name, new Set([uid]));
    }
    return memo;
  };

  const release = (ctx: ControllerContext, inventory: EipInventory, eip: Eip): void => {
    if (eip.createdWith === 'pod') inventory.remove(eip.id);
    else inventory.save({ ...eip, usedBy: undefined, releasedAt: timestamp(ctx.clock.now()) });
  };

  const reconcilePod = (ctx: ControllerContext, namespace: string, name: string): void => {
    const inventory = eipInventory(ctx.api.store);
    const pod = ctx.get(podKind, namespace, name);
    const liveUid = pod?.metadata.uid;
    for (const eip of inventory.list()) {
      const user = eip.usedBy;
      if (
        isPodUser(user) &&
        user.pod.namespace === namespace &&
        user.pod.name === name &&
        user.pod.uid !== liveUid
      ) {
        release(ctx, inventory, eip);
      }
    }
    const uids = uidsByName.get(`${namespace}/${name}`);
    for (const uid of uids ?? []) {
      if (uid === liveUid) continue;
      memos.delete(uid);
      uids?.delete(uid);
    }
    if (uids?.size === 0) uidsByName.delete(`${namespace}/${name}`);
    if (!pod || !liveUid || pod.metadata.deletionTimestamp) return;
    const memo = remember(pod);
    if (!memo) return;

    const fingerprint = eipAnnotationFingerprint(pod.metadata.annotations);
    if (fingerprint !== memo.fingerprint && fingerprint !== memo.reported) {
      memo.reported = fingerprint;
      const changed = changedEipAnnotations(memo.fingerprint, fingerprint).join(', ');
      ctx.event({
        involved: pod,
        type: 'Warning',
        reason: 'EIPAnnotationChangeIgnored',
        message: `EIP annotations only take effect when the pod is created; the change to ${changed} does nothing (EIP4). Re-create the pod to use them.`,
        source: SOURCE,
      });
    }

    let held = inventory.heldBy(liveUid);
    if (!held) {
      const outcome = chooseEip(ctx, inventory, pod, memo.request);
      if (outcome && 'warning' in outcome) {
        const said = `${outcome.warning}\u0000${outcome.message}`;
        if (memo.lastWarning !== said) {
          memo.lastWarning = said;
          ctx.event({
            involved: pod,
            type: 'Warning',
            reason: outcome.warning,
            message: outcome.message,
            source: SOURCE,
          });
        }
      } else if (outcome) {
        held = outcome.eip;
        delete memo.lastWarning;
        ctx.event({
          involved: pod,
          type: 'Normal',
          reason: 'EIPAllocated',
          message: `Successfully ${outcome.how}`,
          source: SOURCE,
        });
      }
    }
    if (held) ensureAllocatedAnnotation(ctx, pod, held.address);
  };

  /** Pods waiting for an EIP that this change may provide, oldest first. */
  const serveWaiting = (
    ctx: ControllerContext,
    wants: (request: EipRequest, memo: PodMemo) => boolean,
  ): void => {
    const inventory = eipInventory(ctx.api.store);
    const waiting: KubeObject[] = [];
    for (const [uid, memo] of memos) {
      if (!wants(memo.request, memo) || inventory.heldBy(uid)) continue;
      const pod = ctx.get(podKind, memo.namespace, memo.name);
      if (pod?.metadata.uid === uid) waiting.push(pod);
    }
    for (const pod of waiting.sort(byCreation))
      reconcilePod(ctx, pod.metadata.namespace ?? '', pod.metadata.name);
  };

  return {
    name: 'pod-eip-controller',
    watches: [
      {
        kind: podKind,
        keysFor: (pod) => {
          remember(pod);
          return [`pod:${objectKey(pod)}`];
        },
      },
      { kind: eipPoolKind, keysFor: (pool) => [`pool:${objectKey(pool)}`] },
      {
        kind: eipRecordKind,
        keysFor: (record) => {
          const eip = eipOfRecord(record);
          if (!eip || eip.usedBy !== undefined) return [];
          return [eip.pool !== undefined ? `pool:${eip.pool}` : `eip:${eip.id}`];
        },
      },
    ],
    reconcile(key, ctx) {
      const colon = key.indexOf(':');
      const type = key.slice(0, colon);
      const rest = key.slice(colon + 1);
      if (type === 'eip') return serveWaiting(ctx, (r) => r.mode === 'id' && r.eipId === rest);
      const { namespace, name } = splitKey(rest);
      if (namespace === undefined) return;
      if (type === 'pod') return reconcilePod(ctx, namespace, name);
      if (type === 'pool')
        serveWaiting(
          ctx,
          (r, m) => r.mode === 'pool' && r.pool === name && m.namespace === namespace,
        );
    },
  };
}
