/**
 * The ImageSnapshot controller (S1, S2, S5, S6), for cluster-scoped imagecache.cci.io/v1 objects.
 *
 * Emulated timeline (emulator clock):
 * - On creation the controller adds the finalizer `imagecache.cci.io/snapshot`, then sets
 *   status.phase Creating with snapshotName `cci-imagesnapshot-<name>`; when
 *   spec.buildingConfig.namespace does not exist it is Unavailable at once (NamespaceNotFound).
 * - Building takes 30 s per image from creation (`buildMsPerImage`). Then it is Available, with a
 *   snapshotID and status.images, or Unavailable (ImagePullFailed) when an image's registry needs
 *   credentials it was not given (see imageSnapshotBuild.ts).
 * - ttlDaysAfterCreated > 0: that many days after creation status.expired becomes true and a
 *   Warning event says so; the snapshot stays, phase unchanged, and still counts against the
 *   quota until deleted (S5). `expired` is an emulator addition to the status schema.
 * - DELETE: the finalizer holds the object in phase Deleting; 5 s later (`deleteMs`) the controller
 *   drops the finalizer and it disappears (S2).
 * Registry passwords never reach logs, status or events (S6).
 */
import { randomUUID } from 'node:crypto';
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { projectOf } from '../api/tenancy.ts';
import {
  buildingNamespace,
  diskSummary,
  pullFailure,
  snapshotImages,
  ttlDays,
  type SnapshotSpec,
} from './imageSnapshotBuild.ts';
import type { Controller, ControllerContext } from './runtime.ts';

const snapshotKind = findKindByResource(
  'imagecache.cci.io',
  'v1',
  'imagesnapshots',
) as KindDescriptor;
const namespaceKind = findKindByResource('', 'v1', 'namespaces') as KindDescriptor;

/** The building namespace must exist in the snapshot's own project (another's is not found). */
function ownNamespace(ctx: ControllerContext, snap: KubeObject, namespace: string): boolean {
  const ns = ctx.get(namespaceKind, undefined, namespace);
  const fallback = ctx.api.defaultProjectId ?? '';
  return ns !== undefined && projectOf(ns, fallback) === projectOf(snap, fallback);
}

export const SNAPSHOT_FINALIZER = 'imagecache.cci.io/snapshot';
const DAY_MS = 86_400_000;
const SOURCE = 'imagesnapshot-controller';

export interface ImageSnapshotControllerOptions {
  buildMsPerImage?: number;
  deleteMs?: number;
}

type SnapshotStatus = Record<string, unknown>;

function timeOf(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

export function createImageSnapshotController(
  options: ImageSnapshotControllerOptions = {},
): Controller {
  const buildMsPerImage = options.buildMsPerImage ?? 30_000;
  const deleteMs = options.deleteMs ?? 5_000;
  /** Pending clock steps by `name \0 uid \0 step`, so each is scheduled once. */
  const timers = new Map<string, () => void>();

  const cancelTimers = (prefix: string): void => {
    for (const [key, cancel] of timers) {
      if (key.startsWith(prefix)) {
        cancel();
        timers.delete(key);
      }
    }
  };

  /** Runs `step` at `dueMs`, or now when that time has come. Returns true when it ran now. */
  const at = (ctx: ControllerContext, snap: KubeObject, step: string, dueMs: number): boolean => {
    const now = ctx.clock.nowMs();
    if (now >= dueMs) return true;
    const key = `${snap.metadata.name}\u0000${snap.metadata.uid ?? ''}\u0000${step}`;
    if (!timers.has(key)) {
      const cancel = ctx.clock.schedule(dueMs - now, () => {
        timers.delete(key);
        try {
          reconcile(snap.metadata.name, ctx);
        } catch (e) {
          // A clock callback must not throw into whoever advanced the clock.
          console.error(`${SOURCE} failed on ${snap.metadata.name}: ${(e as Error).message}`);
        }
      });
      timers.set(key, cancel);
    }
    return false;
  };

  const writeStatus = (ctx: ControllerContext, snap: KubeObject, status: SnapshotStatus): void => {
    ctx.updateStatus(snapshotKind, { ...snap, status });
  };

  const finishBuild = (
    ctx: ControllerContext,
    snap: KubeObject,
    spec: SnapshotSpec,
    status: SnapshotStatus,
  ): void => {
    const failure = pullFailure(spec);
    if (failure) {
      writeStatus(ctx, snap, {
        ...status,
        phase: 'Unavailable',
        reason: 'ImagePullFailed',
        message: failure,
      });
      ctx.event({
        involved: snap,
        type: 'Warning',
        reason: 'ImagePullFailed',
        message: failure,
        source: SOURCE,
      });
      return;
    }
    const images = snapshotImages(spec);
    writeStatus(ctx, snap, {
      ...status,
      snapshotID: randomUUID(),
      phase: 'Available',
      reason: 'SnapshotCreated',
      message: `${images.length} image(s) cached on a ${diskSummary(spec)} snapshot`,
      images: images.map((image) => ({ image })),
    });
  };

  const handleDeletion = (
    ctx: ControllerContext,
    snap: KubeObject,
    status: SnapshotStatus,
  ): void => {
    const name = snap.metadata.name;
    cancelTimers(`${name}\u0000${snap.metadata.uid ?? ''}\u0000build`);
    cancelTimers(`${name}\u0000${snap.metadata.uid ?? ''}\u0000expire`);
    if (status['phase'] !== 'Deleting') {
      writeStatus(ctx, snap, {
        ...status,
        phase: 'Deleting',
        reason: 'Deleting',
        message: 'Deleting the EVS snapshot',
      });
      return;
    }
    if (!at(ctx, snap, 'delete', timeOf(snap.metadata.deletionTimestamp) + deleteMs)) return;
    const finalizers = (snap.metadata.finalizers ?? []).filter((f) => f !== SNAPSHOT_FINALIZER);
    ctx.update(snapshotKind, { ...snap, metadata: { ...snap.metadata, finalizers } });
  };

  const reconcile = (name: string, ctx: ControllerContext): void => {
    const snap = ctx.get(snapshotKind, undefined, name);
    if (!snap) return cancelTimers(`${name}\u0000`);
    const status = (snap['status'] ?? {}) as SnapshotStatus;
    const spec = (snap['spec'] ?? {}) as SnapshotSpec;
    if (snap.metadata.deletionTimestamp) {
      if ((snap.metadata.finalizers ?? []).includes(SNAPSHOT_FINALIZER))
        handleDeletion(ctx, snap, status);
      return;
    }
    if (!(snap.metadata.finalizers ?? []).includes(SNAPSHOT_FINALIZER)) {
      const finalizers = [...(snap.metadata.finalizers ?? []), SNAPSHOT_FINALIZER];
      ctx.update(snapshotKind, { ...snap, metadata: { ...snap.metadata, finalizers } });
      return;
    }
    const created = timeOf(snap.metadata.creationTimestamp);
    if (status['phase'] === undefined) {
      const namespace = buildingNamespace(spec);
      const base = { snapshotName: `cci-imagesnapshot-${name}` };
      if (!namespace || !ownNamespace(ctx, snap, namespace)) {
        const message = `namespace "${namespace ?? ''}" of spec.buildingConfig.namespace not found: the snapshot is built by an instance in that namespace`;
        writeStatus(ctx, snap, {
          ...base,
          phase: 'Unavailable',
          reason: 'NamespaceNotFound',
          message,
        });
        ctx.event({
          involved: snap,
          type: 'Warning',
          reason: 'NamespaceNotFound',
          message,
          source: SOURCE,
        });
        return;
      }
      const count = snapshotImages(spec).length;
      const message = `Building the snapshot: pulling ${count} image(s) in namespace ${namespace}`;
      writeStatus(ctx, snap, {
        ...base,
        phase: 'Creating',
        reason: 'Creating',
        message,
        images: [],
      });
      return;
    }
    if (status['phase'] === 'Creating') {
      const due = created + buildMsPerImage * Math.max(1, snapshotImages(spec).length);
      if (at(ctx, snap, 'build', due)) finishBuild(ctx, snap, spec, status);
      return;
    }
    const ttl = ttlDays(spec);
    if (ttl > 0 && status['expired'] !== true && at(ctx, snap, 'expire', created + ttl * DAY_MS)) {
      writeStatus(ctx, snap, { ...status, expired: true });
      ctx.event({
        involved: snap,
        type: 'Warning',
        reason: 'SnapshotExpired',
        message: `The image snapshot expired ${ttl} day(s) after creation; it still counts against the quota until deleted (S5)`,
        source: SOURCE,
      });
    }
  };

  return {
    name: 'imagesnapshot-controller',
    watches: [{ kind: snapshotKind, keysFor: (snap) => [snap.metadata.name] }],
    reconcile: (key, ctx) => reconcile(key, ctx),
  };
}
