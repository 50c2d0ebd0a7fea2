// `kubectl get pods` row (rule P12), including the reason-aware STATUS kubectl derives from the
// phase, init containers, container states and deletion: Init:1/2, ContainerCreating,
// CrashLoopBackOff, Completed, Error, Terminating, ...
import { humanDuration } from './humanDuration.ts';
import { at, listAt, numberAt, objectAt, textAt } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { ageColumn, ageOf, column, nameColumn } from './tableTypes.ts';
import type { KindPrinter, PrintedRow, TableRowCondition } from './tableTypes.ts';

function isPresent(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function lastTerminationTime(containerStatus: unknown): number {
  const finished = Date.parse(
    textAt(containerStatus, 'lastState', 'terminated', 'finishedAt') ?? '',
  );
  return Number.isNaN(finished) ? 0 : finished;
}

function conditionIsTrue(conditions: unknown[], type: string): boolean {
  return conditions.some((c) => textAt(c, 'type') === type && textAt(c, 'status') === 'True');
}

/** Reason for a terminated container that gave none: signal if killed, else exit code. */
function exitDescription(terminated: unknown): string {
  const signal = numberAt(terminated, 'signal') ?? 0;
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${numberAt(terminated, 'exitCode') ?? 0}`;
}

const finishedConditions: Record<string, TableRowCondition[]> = {
  Succeeded: [
    {
      type: 'Completed',
      status: 'True',
      reason: 'Succeeded',
      message: 'The pod has completed successfully.',
    },
  ],
  Failed: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
};

function readinessGatesCell(spec: JsonObject, conditions: unknown[]): string {
  const gates = listAt(spec, 'readinessGates');
  if (gates.length === 0) return '<none>';
  const passed = gates.filter((g) => {
    const condition = conditions.find((c) => textAt(c, 'type') === textAt(g, 'conditionType'));
    return textAt(condition, 'status') === 'True';
  }).length;
  return `${passed}/${gates.length}`;
}

function printPod(pod: JsonObject, now: Date): PrintedRow {
  const spec = objectAt(pod, 'spec');
  const status = objectAt(pod, 'status');
  const conditions = listAt(status, 'conditions');
  // The API server defaults the phase to Pending; an unset one is shown the same way.
  const phase = textAt(status, 'phase') || 'Pending';
  let reason = textAt(status, 'reason') || phase;
  const gated = conditions.some(
    (c) => textAt(c, 'type') === 'PodScheduled' && textAt(c, 'reason') === 'SchedulingGated',
  );
  if (gated) reason = 'SchedulingGated';

  const initSpecs = listAt(spec, 'initContainers');
  // Sidecars (init containers with restartPolicy Always) count as regular containers.
  const sidecars = new Set(
    initSpecs.filter((c) => textAt(c, 'restartPolicy') === 'Always').map((c) => textAt(c, 'name')),
  );
  const total = listAt(spec, 'containers').length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let sidecarLastRestart = 0;
  let initializing = false;

  for (const [i, cs] of listAt(status, 'initContainerStatuses').entries()) {
    const count = numberAt(cs, 'restartCount') ?? 0;
    const finished = lastTerminationTime(cs);
    restarts += count;
    lastRestart = Math.max(lastRestart, finished);
    const isSidecar = sidecars.has(textAt(cs, 'name'));
    if (isSidecar) {
      sidecarRestarts += count;
      sidecarLastRestart = Math.max(sidecarLastRestart, finished);
    }
    const terminated = at(cs, 'state', 'terminated');
    const waitingReason = textAt(cs, 'state', 'waiting', 'reason');
    if (isPresent(terminated) && (numberAt(terminated, 'exitCode') ?? 0) === 0) continue;
    if (isSidecar && at(cs, 'started') === true) {
      if (at(cs, 'ready') === true) ready++;
      continue;
    }
    if (isPresent(terminated)) {
      const why = textAt(terminated, 'reason');
      reason = why ? `Init:${why}` : `Init:${exitDescription(terminated)}`;
    } else if (waitingReason && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionIsTrue(conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    // Walk backwards so the first container's state decides the reason, as kubectl does.
    for (const cs of [...listAt(status, 'containerStatuses')].reverse()) {
      restarts += numberAt(cs, 'restartCount') ?? 0;
      lastRestart = Math.max(lastRestart, lastTerminationTime(cs));
      const waitingReason = textAt(cs, 'state', 'waiting', 'reason');
      const terminated = at(cs, 'state', 'terminated');
      if (waitingReason) reason = waitingReason;
      else if (isPresent(terminated))
        reason = textAt(terminated, 'reason') || exitDescription(terminated);
      else if (at(cs, 'ready') === true && isPresent(at(cs, 'state', 'running'))) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionIsTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (textAt(pod, 'metadata', 'deletionTimestamp')) {
    if (textAt(status, 'reason') === 'NodeLost') reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }

  const restartsCell =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`
      : String(restarts);
  const podIP = textAt(listAt(status, 'podIPs')[0], 'ip') || textAt(status, 'podIP') || '<none>';
  const row: PrintedRow = {
    cells: [
      textAt(pod, 'metadata', 'name') ?? '',
      `${ready}/${total}`,
      reason,
      restartsCell,
      ageOf(pod, now),
      podIP,
      textAt(spec, 'nodeName') || '<none>',
      textAt(status, 'nominatedNodeName') || '<none>',
      readinessGatesCell(spec, conditions),
    ],
  };
  const finished = finishedConditions[phase];
  if (finished) row.conditions = finished;
  return row;
}

export const podPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Ready', 'How many of the containers of the pod are ready.'),
    column('Status', 'Summary of the state of the pod and its containers.'),
    column('Restarts', 'Container restarts of the pod, and how long ago the last one was.'),
    ageColumn,
    column('IP', 'Address of the pod (empty until one is allocated).', { priority: 1 }),
    column('Node', 'Node the pod is bound to.', { priority: 1 }),
    column('Nominated Node', 'Node the scheduler nominated for preemption.', { priority: 1 }),
    column('Readiness Gates', 'Readiness gates that pass, out of those defined.', { priority: 1 }),
  ],
  row: printPod,
};
