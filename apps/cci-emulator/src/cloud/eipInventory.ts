/**
 * The emulated VPC EIP service: the elastic public IPs of the tenant, whoever created them (the
 * user in the VPC console, an EIPPool, a pod with `yangtse.io/pod-with-eip`).
 *
 * EIPs live in the ObjectStore under the internal storage key `__cloud/eips`, which no kind in
 * @cci/model names, so the API never serves them; being in the store, they survive restarts
 * with --data-dir and controllers can watch them (see `eipRecordKind`). Addresses come from
 * the documentation ranges (RFC 5737, RFC 3849): they are strings only, nothing connects there.
 */
import { randomUUID } from 'node:crypto';
import type { KindDescriptor } from '@cci/model';
import { timestamp } from '../api/metadata.ts';
import type { ObjectStore } from '../store/objectStore.ts';
import type { KubeObject } from '../store/types.ts';
import type { Eip, EipPodRef, EipUser } from './eip.ts';
import { defaultEips } from './eipSeed.ts';

export const EIP_STORAGE_KEY = '__cloud/eips';
const SEED_MARKER_KEY = '__cloud/seeds';

export type { Eip, EipBandwidth, EipPodRef, EipUser } from './eip.ts';

export type NewEip = Omit<Eip, 'id' | 'address' | 'status' | 'createdAt'> & { address?: string };

/** An EIP as the CCI rule validators look it up (RuleContext.eipById / eipByAddress). */
export interface EipSummary {
  id: string;
  address: string;
  /** 'nat', 'elb' or '<namespace>/<name>' of the pod. */
  usedBy?: string;
  /** Name of the EIPPool (in its namespace) holding it. */
  pool?: string;
}

/**
 * A descriptor for watching EIP records from a controller (`watches: [{ kind: eipRecordKind }]`).
 * It is not in the kinds table: nothing serves it and it must not be passed to ctx.create/update.
 */
export const eipRecordKind: KindDescriptor = {
  group: 'cloud.cci-emulator.internal',
  version: 'v1',
  kind: 'EIP',
  plural: 'eips',
  singular: 'eip',
  namespaced: false,
  shortNames: [],
  verbs: [],
  subresources: [],
  categories: [],
  definition: '',
  storageKey: EIP_STORAGE_KEY,
  supportsWatch: false,
  supportsSelectors: false,
};

export class EipInventoryExhausted extends Error {}

export function eipOfRecord(record: KubeObject): Eip | undefined {
  const eip = record['eip'];
  return typeof eip === 'object' && eip !== null ? (eip as Eip) : undefined;
}

export function isPodUser(user: EipUser | undefined): user is { pod: EipPodRef } {
  return typeof user === 'object';
}

export function describeUser(user: EipUser | undefined): string | undefined {
  if (user === undefined) return undefined;
  if (user === 'nat') return 'a NAT gateway';
  if (user === 'elb') return 'a load balancer (ELB)';
  return `pod ${user.pod.namespace}/${user.pod.name}`;
}

const ipv4Ranges = ['192.0.2', '198.51.100', '203.0.113'];

function* candidateAddresses(ipVersion: 4 | 6): Generator<string> {
  if (ipVersion === 6) {
    for (let n = 1; n < 0x10000; n++) yield `2001:db8::${n.toString(16)}`;
    return;
  }
  for (const range of ipv4Ranges) for (let host = 1; host < 255; host++) yield `${range}.${host}`;
}

export class EipInventory {
  constructor(private readonly store: ObjectStore) {}

  list(): Eip[] {
    const eips: Eip[] = [];
    for (const record of this.store.list(EIP_STORAGE_KEY)) {
      const eip = eipOfRecord(record);
      if (eip) eips.push(eip);
    }
    return eips.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.address.localeCompare(b.address),
    );
  }

  byId(id: string): Eip | undefined {
    const record = this.store.get(EIP_STORAGE_KEY, '', id);
    return record ? eipOfRecord(record) : undefined;
  }

  byAddress(address: string): Eip | undefined {
    const wanted = address.trim().toLowerCase();
    return this.list().find((e) => e.address === wanted);
  }

  inPool(poolKey: string): Eip[] {
    return this.list().filter((e) => e.pool === poolKey);
  }

  heldBy(podUid: string): Eip | undefined {
    return this.list().find((e) => isPodUser(e.usedBy) && e.usedBy.pod.uid === podUid);
  }

  /** Creates an EIP on the first free documentation address; throws EipInventoryExhausted. */
  create(input: NewEip, now: Date): Eip {
    const taken = new Set(this.list().map((e) => e.address));
    let address = input.address;
    if (address === undefined) {
      for (const candidate of candidateAddresses(input.ipVersion)) {
        if (!taken.has(candidate)) {
          address = candidate;
          break;
        }
      }
    }
    if (address === undefined || taken.has(address)) {
      throw new EipInventoryExhausted(
        `no free IPv${input.ipVersion} address left in the emulated EIP service`,
      );
    }
    return this.save({
      ...input,
      id: randomUUID(),
      address,
      status: 'DOWN',
      createdAt: timestamp(now),
    });
  }

  /** Stores a changed EIP; its status follows whether it is bound. */
  save(eip: Eip): Eip {
    const stored: Eip = { ...eip, status: eip.usedBy === undefined ? 'DOWN' : 'ACTIVE' };
    if (stored.usedBy === undefined) delete stored.usedBy;
    if (stored.pool === undefined) delete stored.pool;
    if (stored.releasedAt === undefined) delete stored.releasedAt;
    this.store.put(EIP_STORAGE_KEY, {
      apiVersion: `${eipRecordKind.group}/v1`,
      kind: 'EIP',
      metadata: { name: stored.id, creationTimestamp: stored.createdAt },
      eip: stored,
    });
    return stored;
  }

  remove(id: string): void {
    this.store.remove(EIP_STORAGE_KEY, '', id);
  }

  /** The starting inventory of a new emulator (once per store, even across restarts). */
  seedOnce(): void {
    if (this.store.get(SEED_MARKER_KEY, '', 'eips')) return;
    for (const eip of defaultEips) this.save(eip);
    this.store.put(SEED_MARKER_KEY, { metadata: { name: 'eips' } });
  }
}

const inventories = new WeakMap<ObjectStore, EipInventory>();

/** The EIP service of an emulator's store, seeded with the default inventory on first use. */
export function eipInventory(store: ObjectStore): EipInventory {
  let inventory = inventories.get(store);
  if (!inventory) {
    inventory = new EipInventory(store);
    inventory.seedOnce();
    inventories.set(store, inventory);
  }
  return inventory;
}

export function summarizeEip(eip: Eip): EipSummary {
  const summary: EipSummary = { id: eip.id, address: eip.address };
  if (eip.usedBy !== undefined) {
    summary.usedBy = isPodUser(eip.usedBy)
      ? `${eip.usedBy.pod.namespace}/${eip.usedBy.pod.name}`
      : eip.usedBy;
  }
  // The validators compare with the pool's metadata.name and suggest it as annotation value.
  if (eip.pool !== undefined) summary.pool = eip.pool.slice(eip.pool.indexOf('/') + 1);
  return summary;
}

export function eipById(store: ObjectStore, id: string): EipSummary | undefined {
  const eip = eipInventory(store).byId(id);
  return eip && summarizeEip(eip);
}

export function eipByAddress(store: ObjectStore, address: string): EipSummary | undefined {
  const eip = eipInventory(store).byAddress(address);
  return eip && summarizeEip(eip);
}

export function listEips(store: ObjectStore): Eip[] {
  return eipInventory(store).list();
}

/** The RuleContext lookups (eipById, eipByAddress) bound to one store. */
export function eipRuleLookups(store: ObjectStore): {
  eipById: (id: string) => EipSummary | undefined;
  eipByAddress: (address: string) => EipSummary | undefined;
} {
  return {
    eipById: (id) => eipById(store, id),
    eipByAddress: (address) => eipByAddress(store, address),
  };
}
