// The scheduler emulation: CCI has no nodes to choose from, so "scheduling" a pod means binding it
// to the virtual kubelet and taking an address from its namespace's Network (N7). A namespace
// without a Network (N4) leaves its pods Pending with a Warning event.
import type { KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { allocatePodIp, parseCidr } from './podIps.ts';
import { unschedulableStatus } from './podStatus.ts';
import type { ControllerContext } from './runtime.ts';

export const SCHEDULER = 'default-scheduler';
/** The node every pod is bound to: CCI runs pods behind a virtual kubelet. */
export const VIRTUAL_NODE_NAME = 'virtual-kubelet';

interface Network {
  name: string;
  cidr: string;
  /** status.state of the Network controller; undefined when none runs. */
  state: string | undefined;
}

/**
 * The namespace's Network pods take addresses from: the oldest one that did not fail and has a
 * valid CIDR. With the Network controller running it must be Active (N4) before pods are placed.
 */
export function namespaceNetwork(ctx: ControllerContext, namespace: string): Network | undefined {
  return ctx
    .list(ctx.kind('networking.cci.io', 'v1beta1', 'networks'), namespace)
    .filter((n) => !n.metadata.deletionTimestamp)
    .sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    )
    .map((n) => ({
      name: n.metadata.name,
      cidr: String((n['spec'] as { cidr?: unknown } | undefined)?.cidr ?? ''),
      state: (n['status'] as { state?: string } | undefined)?.state,
    }))
    .filter((n) => n.state !== 'Failed' && parseCidr(n.cidr) !== undefined)[0];
}

function podIpOf(pod: KubeObject): string | undefined {
  return (pod['status'] as { podIP?: string } | undefined)?.podIP;
}

function unschedulableMessage(pod: KubeObject): string | undefined {
  const conditions = (
    (pod['status'] ?? {}) as { conditions?: { type?: string; status?: string; message?: string }[] }
  ).conditions;
  const c = conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  return c?.message;
}

function leavePending(
  ctx: ControllerContext,
  podKind: KindDescriptor,
  pod: KubeObject,
  message: string,
  warn = true,
): void {
  // Said once: the condition remembers it, so reconciles of the same pod stay quiet.
  if (unschedulableMessage(pod) === message) return;
  if (warn)
    ctx.event({
      involved: pod,
      type: 'Warning',
      reason: 'FailedScheduling',
      message,
      source: SCHEDULER,
    });
  ctx.updateStatus(podKind, {
    ...pod,
    status: {
      ...(pod['status'] as object),
      ...unschedulableStatus(pod, message, ctx.clock.now().getTime()),
    },
  });
}

/**
 * Binds the pod to the virtual node with an address of the Network's subnet; returns the bound pod
 * and its IP, or undefined when it has to stay Pending.
 */
export function schedulePod(
  ctx: ControllerContext,
  podKind: KindDescriptor,
  pod: KubeObject,
  nodeName: string,
): { pod: KubeObject; ip: string } | undefined {
  const namespace = pod.metadata.namespace ?? '';
  const network = namespaceNetwork(ctx, namespace);
  if (!network) {
    leavePending(
      ctx,
      podKind,
      pod,
      `namespace "${namespace}" has no Network: pods take their IP address from a Network's subnet, create a Network (networking.cci.io/v1beta1) in the namespace first`,
    );
    return undefined;
  }
  if (network.state !== undefined && network.state !== 'Active') {
    leavePending(
      ctx,
      podKind,
      pod,
      `Network "${network.name}" of namespace "${namespace}" is not Active yet (${network.state}): pods get their IP address once its subnet is attached`,
      // A Network being attached is a matter of seconds: no Warning, only the condition.
      network.state !== 'Initializing',
    );
    return undefined;
  }
  const used = new Set(
    ctx
      .list(podKind, namespace)
      .filter((p) => p.metadata.name !== pod.metadata.name)
      .map(podIpOf)
      .filter((ip): ip is string => ip !== undefined),
  );
  const ip = allocatePodIp(network.cidr, used);
  if (!ip) {
    leavePending(
      ctx,
      podKind,
      pod,
      `no free IP address left in subnet ${network.cidr} of Network "${network.name}"`,
    );
    return undefined;
  }
  // Like the Binding subresource: the scheduler sets spec.nodeName, no pod update admission.
  const spec = { ...(pod['spec'] as object), nodeName };
  const bound = ctx.api.store.put(podKind.storageKey, { ...pod, spec });
  ctx.event({
    involved: bound,
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${namespace}/${pod.metadata.name} to ${nodeName}`,
    source: SCHEDULER,
  });
  return { pod: bound, ip };
}
