/**
 * Image snapshots as pure data: the manifest the create form sends (S1), the copy the screen may
 * show (passwords masked, S6), and how a snapshot reads in the overview (S2 phase and reason,
 * TTL expiry, S5 expired-but-kept).
 */
import { validateDocument, type RuleViolation } from '@cci/model';
import { asArray, field, type KubeObject } from '../resources/objects.ts';
import { ofKind } from '../../lib/kube/objects.ts';

export interface RegistryForm {
  server: string;
  username: string;
  password: string;
  plainHTTP: boolean;
  insecureSkipVerify: boolean;
}

export interface SnapshotForm {
  name: string;
  images: string[];
  registries: RegistryForm[];
  buildingNamespace: string;
  volumeType: string;
  volumeSizeGiB: number | string;
  ttlDays: number | string;
}

export const emptyRegistry: RegistryForm = {
  server: '',
  username: '',
  password: '',
  plainHTTP: false,
  insecureSkipVerify: false,
};

export function defaultSnapshotForm(namespace: string): SnapshotForm {
  return {
    name: '',
    images: [''],
    registries: [],
    buildingNamespace: namespace,
    volumeType: 'ssd',
    volumeSizeGiB: 20,
    ttlDays: 0,
  };
}

const MASK = '********';

function registryManifest(r: RegistryForm): Record<string, unknown> {
  return {
    server: r.server.trim(),
    ...(r.username !== '' ? { username: r.username } : {}),
    ...(r.password !== '' ? { password: r.password } : {}),
    ...(r.plainHTTP ? { plainHTTP: true } : {}),
    ...(r.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
  };
}

function numberOrRaw(value: number | string): unknown {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

/** S1: cluster-scoped (no metadata.namespace); ext4 is the only filesystem. */
export function snapshotManifest(form: SnapshotForm): Record<string, unknown> {
  const registries = form.registries.map(registryManifest);
  return {
    apiVersion: 'imagecache.cci.io/v1',
    kind: 'ImageSnapshot',
    metadata: { name: form.name },
    spec: {
      images: form.images.map((image) => ({ image: image.trim() })),
      ...(registries.length > 0 ? { registries } : {}),
      buildingConfig: { namespace: form.buildingNamespace },
      evsInfo: {
        volumeType: form.volumeType,
        volumeSizeGiB: numberOrRaw(form.volumeSizeGiB),
        filesystemType: 'ext4',
      },
      ttlDaysAfterCreated: numberOrRaw(form.ttlDays),
    },
  };
}

/** S6: the preview shows that a password is set, never the password. */
export function maskedManifest(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const r of asArray(field(copy, 'spec.registries'))) {
    const registry = r as Record<string, unknown>;
    if (registry['password'] !== undefined) registry['password'] = MASK;
  }
  return copy;
}

export function snapshotErrors(doc: Record<string, unknown>): RuleViolation[] {
  return validateDocument(doc).filter((v) => v.severity === 'error');
}

const DAY_MS = 86_400_000;

export interface SnapshotView {
  name: string;
  phase: string;
  images: string[];
  sizeGiB: number;
  volumeType: string;
  createdAt: string | undefined;
  /** Epoch ms the TTL runs out; undefined when it never expires (ttlDaysAfterCreated 0). */
  expiresAt: number | undefined;
  /** S5: past its TTL but still there (and still counted against the quota). */
  expired: boolean;
  reason: string;
  message: string;
}

export function snapshotView(snapshot: KubeObject, now: number): SnapshotView {
  const { spec, status } = ofKind<'ImageSnapshot'>(snapshot);
  const ttl = spec?.ttlDaysAfterCreated ?? 0;
  const created = snapshot.metadata.creationTimestamp;
  const start = created ? Date.parse(created) : Number.NaN;
  const expiresAt = ttl > 0 && !Number.isNaN(start) ? start + ttl * DAY_MS : undefined;
  const statusImages = status?.images ?? [];
  const images = (statusImages.length > 0 ? statusImages : (spec?.images ?? []))
    .map((i) => i.image ?? '')
    .filter((i) => i !== '');
  return {
    name: snapshot.metadata.name,
    phase: status?.phase || 'Pending',
    images,
    sizeGiB: spec?.evsInfo?.volumeSizeGiB ?? 20,
    volumeType: spec?.evsInfo?.volumeType || 'ssd',
    createdAt: created,
    expiresAt,
    expired:
      field(snapshot, 'status.expired') === true || (expiresAt !== undefined && now >= expiresAt),
    reason: status?.reason ?? '',
    message: status?.message ?? '',
  };
}
