// The kubelet's exec readiness probing (SV5, P10 options): every periodSeconds while a container
// runs, its probe command runs in the container's emulated shell (exec/execProbe.ts). A change
// of result changes the pod's Ready condition; turning to failure records an Unhealthy event.
import type { ContainerRegistry } from '../exec/containerRegistry.ts';
import { runExecProbe } from '../exec/execProbe.ts';
import type { KubeObject } from '../store/types.ts';
import { podPlan, type ExecProbeState } from './podPlan.ts';
import { probePeriodMs } from './readiness.ts';
import type { ControllerContext } from './runtime.ts';

/** What the pod controller remembers of a pod's exec probes. */
export interface ExecProbing {
  /** The latest result per container. */
  probes: Map<string, ExecProbeState>;
  /** When the next probe of each container is due (relative to scheduling). */
  probeDueMs: Map<string, number>;
}

export function runDueExecProbes(a: {
  pod: KubeObject;
  ip: string;
  state: ExecProbing;
  elapsedMs: number;
  ctx: ControllerContext;
  containers: ContainerRegistry;
}): void {
  const { pod, state: t, elapsedMs: elapsed, ctx } = a;
  for (const c of podPlan(pod, a.ip, t.probes).app) {
    const command = c.spec.readinessProbe?.exec?.command;
    if (!command || command.length === 0 || elapsed < c.probedAtMs) continue;
    if (c.exitAtMs !== undefined && elapsed >= c.exitAtMs) continue;
    if (elapsed < (t.probeDueMs.get(c.spec.name) ?? c.probedAtMs)) continue;
    const state = a.containers.container(pod, c.spec.name);
    if (!state) continue;
    const failure = runExecProbe(state, command);
    const previous = t.probes.get(c.spec.name);
    if (!previous) {
      t.probes.set(c.spec.name, { failure, sinceMs: c.probedAtMs, firstFailure: failure });
    } else if ((previous.failure === undefined) !== (failure === undefined)) {
      t.probes.set(c.spec.name, { ...previous, failure, sinceMs: elapsed });
      if (failure !== undefined) {
        const message = `Readiness probe failed: ${failure}`;
        ctx.event({
          involved: pod,
          type: 'Warning',
          reason: 'Unhealthy',
          message,
          source: 'kubelet',
        });
      }
    }
    t.probeDueMs.set(c.spec.name, elapsed + probePeriodMs(c.spec));
  }
}
