/**
 * What the emulated snapshot builder decides about an ImageSnapshot's images (S1, S2, S6):
 * which registry each image comes from, and whether the builder could pull it.
 *
 * Emulation rule: a registry whose host contains "private", or an `swr.` host (Huawei SWR),
 * needs credentials; without a spec.registries entry for that server with both username and
 * password the pull fails. Every other registry is treated as public. Nothing is contacted.
 * Messages name registries and images, never credentials (A7, S6).
 */

export interface SnapshotRegistry {
  server?: unknown;
  username?: unknown;
  password?: unknown;
}

export interface SnapshotSpec {
  images?: { image?: unknown }[];
  registries?: SnapshotRegistry[];
  buildingConfig?: { namespace?: unknown };
  evsInfo?: { volumeType?: unknown; volumeSizeGiB?: unknown };
  ttlDaysAfterCreated?: unknown;
}

/** The registry host of an image reference, as Docker reads it (docker.io when none is named). */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  return isHost ? first.toLowerCase() : 'docker.io';
}

export function registryNeedsCredentials(host: string): boolean {
  return host.includes('private') || host.startsWith('swr.');
}

function normalizeServer(server: string): string {
  return server.trim().toLowerCase().replace(/\/+$/, '');
}

function hasCredentials(spec: SnapshotSpec, host: string): boolean {
  return (spec.registries ?? []).some(
    (r) =>
      typeof r.server === 'string' &&
      normalizeServer(r.server) === host &&
      typeof r.username === 'string' &&
      r.username !== '' &&
      typeof r.password === 'string' &&
      r.password !== '',
  );
}

export function snapshotImages(spec: SnapshotSpec): string[] {
  return (spec.images ?? []).flatMap((i) =>
    typeof i.image === 'string' && i.image !== '' ? [i.image] : [],
  );
}

/** The first image the builder could not pull, with a message fit for status and events. */
export function pullFailure(spec: SnapshotSpec): string | undefined {
  for (const image of snapshotImages(spec)) {
    const host = registryOf(image);
    if (registryNeedsCredentials(host) && !hasCredentials(spec, host)) {
      return `failed to pull image "${image}": registry ${host} requires credentials; add it to spec.registries with a username and password`;
    }
  }
  return undefined;
}

export function buildingNamespace(spec: SnapshotSpec): string | undefined {
  const ns = spec.buildingConfig?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

export function ttlDays(spec: SnapshotSpec): number {
  const ttl = spec.ttlDaysAfterCreated;
  return typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0 ? ttl : 0;
}

export function diskSummary(spec: SnapshotSpec): string {
  const type = typeof spec.evsInfo?.volumeType === 'string' ? spec.evsInfo.volumeType : 'ssd';
  const size = typeof spec.evsInfo?.volumeSizeGiB === 'number' ? spec.evsInfo.volumeSizeGiB : 20;
  return `${size} GiB ${type} EVS disk`;
}
