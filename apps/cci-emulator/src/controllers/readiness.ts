// Readiness of an emulated container (input of rule SV5: Endpoints list only ready pods).
// Rules, since nothing really runs:
// - no readinessProbe: ready as soon as the container started;
// - httpGet / tcpSocket / grpc: ready when the probed port is one of the container's declared
//   containerPorts (by number or name), else "connection refused" for ever;
// - exec: the command runs in the container's emulated shell over its virtual filesystem
//   (exec/execProbe.ts): the seed's `ls /ready` fails until `kubectl exec POD -- touch /ready`
//   creates the file, and fails again once it is removed. The pod controller re-probes every
//   periodSeconds; without a live container this module probes a fresh one.
// A passing probe makes the container ready initialDelaySeconds after it started.
import { freshContainerProbe } from '../exec/execProbe.ts';
import type { ContainerSpec } from './containerRuns.ts';

export interface ReadinessVerdict {
  ready: boolean;
  /** After the container started, when the first probe runs. */
  delayMs: number;
  /** What the failed probe reported (the Unhealthy event's message). */
  failure?: string;
}

/** Undefined when an exec probe command passes, else what it printed. */
export type ExecProber = (command: readonly string[]) => string | undefined;

/** How often the kubelet probes (P10 default period 10 s). */
export function probePeriodMs(container: ContainerSpec): number {
  return Math.max(1, container.readinessProbe?.periodSeconds ?? 10) * 1000;
}

function declaresPort(container: ContainerSpec, port: number | string | undefined): boolean {
  if (port === undefined) return false;
  return (container.ports ?? []).some((p) =>
    typeof port === 'number' || /^\d+$/.test(port)
      ? p.containerPort === Number(port)
      : p.name === port,
  );
}

export function readinessOf(
  container: ContainerSpec,
  podIp: string,
  execProbe: ExecProber = freshContainerProbe(container),
): ReadinessVerdict {
  const probe = container.readinessProbe;
  if (!probe) return { ready: true, delayMs: 0 };
  const delayMs = Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    const failure = command.length === 0 ? 'exec probe has no command' : execProbe(command);
    return failure === undefined ? { ready: true, delayMs } : { ready: false, delayMs, failure };
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (declaresPort(container, port)) return { ready: true, delayMs };
  const address = `${podIp}:${String(port ?? '')}`;
  const failure = probe.httpGet
    ? `Get "${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${address}${probe.httpGet.path ?? '/'}": dial tcp ${address}: connect: connection refused`
    : `dial tcp ${address}: connect: connection refused`;
  return { ready: false, delayMs, failure };
}
