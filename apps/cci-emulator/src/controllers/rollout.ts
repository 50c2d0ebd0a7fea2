// Rollout arithmetic of the Deployment controller (rule D3), as Kubernetes computes it:
// maxSurge rounds up, maxUnavailable rounds down, both default to 25%, and when both come out 0
// one pod may be unavailable (else nothing could ever move).

export type IntOrPercent = number | string | undefined;

export interface Strategy {
  type?: string;
  rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent };
}

export function resolveIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean): number {
  const v = value ?? '25%';
  if (typeof v === 'number') return Math.max(0, Math.floor(v));
  const match = /^(\d+)%$/.exec(v.trim());
  if (!match) return /^\d+$/.test(v.trim()) ? Number(v) : 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function fenceposts(
  strategy: Strategy | undefined,
  replicas: number,
): { maxSurge: number; maxUnavailable: number } {
  if (strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: replicas };
  const maxSurge = resolveIntOrPercent(strategy?.rollingUpdate?.maxSurge, replicas, true);
  const maxUnavailable = resolveIntOrPercent(
    strategy?.rollingUpdate?.maxUnavailable,
    replicas,
    false,
  );
  if (maxSurge === 0 && maxUnavailable === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge, maxUnavailable };
}

/** A ReplicaSet as the rollout sees it: desired size and available pods (at most the size). */
export interface RsCount {
  name: string;
  replicas: number;
  available: number;
}

/** The new ReplicaSet's size for this step: grow while the total stays within replicas + surge. */
export function newReplicaSetSize(
  replicas: number,
  maxSurge: number,
  allReplicas: number,
  newReplicas: number,
): number {
  if (newReplicas >= replicas) return replicas;
  const room = replicas + maxSurge - allReplicas;
  if (room <= 0) return newReplicas;
  return newReplicas + Math.min(room, replicas - newReplicas);
}

/**
 * New sizes of the old ReplicaSets (oldest first) for this step: first unavailable old pods go,
 * then available ones, never leaving fewer than replicas - maxUnavailable available pods.
 */
export function oldReplicaSetSizes(
  replicas: number,
  maxUnavailable: number,
  newRs: RsCount,
  olds: RsCount[],
): Map<string, number> {
  const sizes = new Map(olds.map((rs) => [rs.name, rs.replicas]));
  const oldTotal = olds.reduce((sum, rs) => sum + rs.replicas, 0);
  if (oldTotal === 0) return sizes;
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = newRs.replicas - newRs.available;
  const maxScaledDown = newRs.replicas + oldTotal - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return sizes;
  let cleaned = 0;
  for (const rs of olds) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rs.replicas - rs.available;
    if (unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    sizes.set(rs.name, rs.replicas - down);
    cleaned += down;
  }
  const available =
    newRs.available +
    olds.reduce((sum, rs) => sum + Math.min(rs.available, sizes.get(rs.name) ?? 0), 0);
  const toScaleDown = available - minAvailable;
  let done = 0;
  for (const rs of olds) {
    if (done >= toScaleDown) break;
    const size = sizes.get(rs.name) ?? 0;
    if (size === 0) continue;
    const down = Math.min(size, toScaleDown - done);
    sizes.set(rs.name, size - down);
    done += down;
  }
  return sizes;
}
