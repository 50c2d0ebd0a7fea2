/**
 * The Network controller (N4, N5, N7). A new Network reports `status.state: Initializing` while
 * CCI attaches the subnet and turns `Active` after `activationMs` of emulated time (3 s by
 * default, counted from its creationTimestamp). A namespace is usable (N4 "normal") once it has
 * an Active Network; pods then take addresses from its CIDR (N7, see networkCidrOf).
 *
 * CCI expects exactly one Network per namespace. The emulator accepts a second one at the API
 * (the console must be able to show the mistake) but the controller marks it
 * `state: Failed, reason: DuplicateNetwork` and records a Warning event on it. A Network that
 * failed does not count, so a replacement for a failed Network is accepted.
 *
 * Failure hook for the console's error path: a Network whose `spec.subnetID` starts with
 * "fail-" goes `Failed` with reason `SubnetNotFound` (a Warning event says why). Tests may pass
 * their own `failure` decision instead.
 */
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';
import { objectKey, splitKey, type Controller, type ControllerContext } from './runtime.ts';
import { byAge, KeyedTimers, timeOf, writeStatusIfChanged } from './statusWrite.ts';

export const networkKind = findKindByResource(
  'networking.cci.io',
  'v1beta1',
  'networks',
) as KindDescriptor;

export const NETWORK_ACTIVATION_MS = 3_000;
export const FAILING_SUBNET_PREFIX = 'fail-';

export type NetworkState = 'Initializing' | 'Active' | 'Failed';

export interface NetworkFailure {
  reason: string;
  message: string;
}

export interface NetworkControllerOptions {
  /** Emulated time from creation to Active. */
  activationMs?: number;
  /** Decides whether attaching this Network fails; default: subnetID starting with "fail-". */
  failure?: (network: KubeObject) => NetworkFailure | undefined;
}

function specOf(network: KubeObject): Record<string, unknown> {
  const spec = network['spec'];
  return typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
}

export function networkStateOf(network: KubeObject): NetworkState | undefined {
  const state = (network['status'] as { state?: unknown } | undefined)?.state;
  return state === 'Initializing' || state === 'Active' || state === 'Failed' ? state : undefined;
}

/** The documented test hook: subnets named "fail-..." do not exist. */
export function failingSubnet(network: KubeObject): NetworkFailure | undefined {
  const subnetID = specOf(network)['subnetID'];
  if (typeof subnetID !== 'string' || !subnetID.startsWith(FAILING_SUBNET_PREFIX)) return undefined;
  return {
    reason: 'SubnetNotFound',
    message: `subnet ${subnetID} does not exist in VPC ${String(specOf(network)['attachedVPC'] ?? '')}`,
  };
}

/** N7: the CIDR pods of a namespace take their addresses from, once its Network is Active. */
export function networkCidrOf(
  ctx: Pick<ControllerContext, 'list'>,
  namespace: string,
): string | undefined {
  const active = ctx
    .list(networkKind, namespace)
    .filter((n) => !n.metadata.deletionTimestamp && networkStateOf(n) === 'Active')
    .sort(byAge)[0];
  const cidr = active ? specOf(active)['cidr'] : undefined;
  return typeof cidr === 'string' ? cidr : undefined;
}

/** Another Network of the namespace that takes precedence over this one, if any. */
function precedingNetwork(ctx: ControllerContext, network: KubeObject): KubeObject | undefined {
  return ctx
    .list(networkKind, network.metadata.namespace)
    .filter(
      (other) => other.metadata.uid !== network.metadata.uid && !other.metadata.deletionTimestamp,
    )
    .filter((other) => networkStateOf(other) !== 'Failed')
    .find((other) => networkStateOf(other) === 'Active' || byAge(other, network) < 0);
}

export function createNetworkController(options: NetworkControllerOptions = {}): Controller {
  const activationMs = options.activationMs ?? NETWORK_ACTIVATION_MS;
  const failure = options.failure ?? failingSubnet;
  const timers = new KeyedTimers();

  function fail(ctx: ControllerContext, network: KubeObject, why: NetworkFailure): void {
    writeStatusIfChanged(ctx, networkKind, network, {
      state: 'Failed',
      reason: why.reason,
      message: why.message,
    });
    ctx.event({
      involved: network,
      type: 'Warning',
      reason: why.reason,
      message: why.message,
      source: 'network-controller',
    });
  }

  const controller: Controller = {
    name: 'network',
    watches: [{ kind: networkKind, keysFor: (obj) => [objectKey(obj)] }],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const network = ctx.get(networkKind, namespace, name);
      if (!network || network.metadata.deletionTimestamp) {
        timers.disarm(key);
        return;
      }
      const state = networkStateOf(network);
      if (state === 'Active' || state === 'Failed') return;

      const preceding = precedingNetwork(ctx, network);
      if (preceding) {
        fail(ctx, network, {
          reason: 'DuplicateNetwork',
          message: `namespace ${namespace ?? ''} already has Network ${preceding.metadata.name}; CCI supports one Network per namespace`,
        });
        return;
      }
      const why = failure(network);
      if (why) {
        fail(ctx, network, why);
        return;
      }
      const due =
        (timeOf(network.metadata.creationTimestamp) ?? ctx.clock.now().getTime()) + activationMs;
      if (ctx.clock.now().getTime() >= due) {
        writeStatusIfChanged(ctx, networkKind, network, { state: 'Active' });
        return;
      }
      writeStatusIfChanged(ctx, networkKind, network, { state: 'Initializing' });
      timers.arm(ctx, key, due, () => controller.reconcile(key, ctx));
    },
  };
  return controller;
}
