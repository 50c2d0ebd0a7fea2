// Deployment status (rule D6: desired / current / up-to-date / available) and its Available and
// Progressing conditions, which `kubectl rollout status` reads together with observedGeneration.
import { timestamp } from '../api/metadata.ts';
import type { KubeObject } from '../store/types.ts';
import { specReplicas, type DeploymentSpec } from './deploymentReplicaSets.ts';

interface RsStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
}

export interface Condition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  collisionCount?: number;
  conditions?: Condition[];
}

function rsStatus(rs: KubeObject): RsStatus {
  return (rs['status'] ?? {}) as RsStatus;
}

function sum(rss: KubeObject[], field: keyof RsStatus): number {
  return rss.reduce((total, rs) => total + (rsStatus(rs)[field] ?? 0), 0);
}

/** Same status and reason: keep the old times (nothing happened); else a transition now. */
function condition(
  previous: Condition | undefined,
  now: string,
  next: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>,
  touch: boolean,
): Condition {
  if (previous && previous.status === next.status && previous.reason === next.reason && !touch)
    return { ...previous, message: next.message };
  const lastTransitionTime =
    previous && previous.status === next.status ? previous.lastTransitionTime : now;
  return { ...next, lastUpdateTime: now, lastTransitionTime };
}

/** Whether the rollout moved since the previous status (Kubernetes' DeploymentProgressing). */
function progressed(prev: DeploymentStatus, next: DeploymentStatus): boolean {
  const oldReplicas = (s: DeploymentStatus) => (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (prev.updatedReplicas ?? 0) ||
    (next.readyReplicas ?? 0) > (prev.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (prev.availableReplicas ?? 0) ||
    oldReplicas(next) < oldReplicas(prev)
  );
}

export function computeDeploymentStatus(
  d: KubeObject,
  newRs: KubeObject | undefined,
  all: KubeObject[],
  maxUnavailable: number,
  nowMs: number,
  createdNewRs: boolean,
): DeploymentStatus {
  const spec = (d['spec'] ?? {}) as DeploymentSpec;
  const prev = (d['status'] ?? {}) as DeploymentStatus;
  const desired = specReplicas(d);
  const now = timestamp(new Date(nowMs));
  const available = sum(all, 'availableReplicas');
  const totalSpec = all.reduce((t, rs) => t + specReplicas(rs), 0);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sum(all, 'replicas'),
    updatedReplicas: newRs ? (rsStatus(newRs).replicas ?? 0) : 0,
    readyReplicas: sum(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, totalSpec - available),
    ...(prev.collisionCount !== undefined ? { collisionCount: prev.collisionCount } : {}),
  };
  const before = new Map((prev.conditions ?? []).map((c) => [c.type, c]));
  const availableCondition = condition(
    before.get('Available'),
    now,
    available >= desired - maxUnavailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    false,
  );
  const rsName = newRs?.metadata.name ?? '';
  const complete =
    status.updatedReplicas === desired && status.replicas === desired && available === desired;
  const prevProgressing = before.get('Progressing');
  let progressing: Condition | undefined = prevProgressing;
  if (spec.paused) {
    progressing = condition(
      prevProgressing,
      now,
      {
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      },
      false,
    );
  } else if (complete && newRs) {
    progressing = condition(
      prevProgressing,
      now,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rsName}" has successfully progressed.`,
      },
      false,
    );
  } else if (createdNewRs) {
    progressing = condition(
      prevProgressing,
      now,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${rsName}"`,
      },
      true,
    );
  } else if (
    newRs &&
    (progressed(prev, status) ||
      !prevProgressing ||
      prevProgressing.reason === 'NewReplicaSetAvailable' ||
      prevProgressing.reason === 'DeploymentPaused')
  ) {
    progressing = condition(
      prevProgressing,
      now,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${rsName}" is progressing.`,
      },
      true,
    );
  } else if (
    newRs &&
    prevProgressing?.status === 'True' &&
    deadlineMs(d, prevProgressing) <= nowMs
  ) {
    progressing = condition(
      prevProgressing,
      now,
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${rsName}" has timed out progressing.`,
      },
      true,
    );
  }
  status.conditions = [availableCondition, ...(progressing ? [progressing] : [])];
  return status;
}

/** When a rollout that stopped moving times out (progressDeadlineSeconds, default 600). */
export function deadlineMs(d: KubeObject, progressing: Condition): number {
  const seconds = ((d['spec'] ?? {}) as DeploymentSpec).progressDeadlineSeconds ?? 600;
  return Date.parse(progressing.lastUpdateTime) + seconds * 1000;
}
