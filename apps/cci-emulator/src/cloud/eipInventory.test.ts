import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../store/objectStore.ts';
import { openSqlitePersistence } from '../store/sqlitePersistence.ts';
import {
  eipById,
  eipByAddress,
  eipInventory,
  eipRuleLookups,
  EipInventoryExhausted,
  listEips,
  type NewEip,
} from './eipInventory.ts';
import { defaultEips, seededEip } from './eipSeed.ts';

const now = new Date('2025-03-01T10:00:00Z');
const poolEip = (pool: string): NewEip => ({
  name: 'p',
  ipVersion: 4,
  networkType: '5_bgp',
  bandwidth: { shareType: 'PER', size: 5, chargeMode: 'bandwidth' },
  pool,
  createdWith: 'pool',
});

describe('emulated EIP inventory', () => {
  it('seeds free user EIPs and ones used by NAT and ELB, once per store', () => {
    const store = new ObjectStore();
    expect(listEips(store)).toHaveLength(defaultEips.length);
    eipInventory(store).seedOnce();
    expect(listEips(store)).toHaveLength(defaultEips.length);
    expect(seededEip.free.every((e) => e.usedBy === undefined && e.createdWith === 'user')).toBe(
      true,
    );
    expect(eipByAddress(store, seededEip.usedByNat.address)?.usedBy).toBe('nat');
    expect(eipByAddress(store, seededEip.usedByElb.address)?.usedBy).toBe('elb');
  });

  it('gives new EIPs unused documentation addresses and UUIDs', () => {
    const store = new ObjectStore();
    const inventory = eipInventory(store);
    const a = inventory.create(poolEip('ns/p'), now);
    const b = inventory.create(poolEip('ns/p'), now);
    expect(a.address).toBe('192.0.2.1');
    expect(b.address).toBe('192.0.2.2');
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.status).toBe('DOWN');
    const v6 = inventory.create({ ...poolEip('ns/p'), ipVersion: 6 }, now);
    expect(v6.address).toBe('2001:db8::1');
    expect(() =>
      inventory.create({ ...poolEip('ns/p'), address: seededEip.usedByNat.address }, now),
    ).toThrow(EipInventoryExhausted);
  });

  it('EIP2, E3: the rule lookups summarize pool and user as strings', () => {
    const store = new ObjectStore();
    const inventory = eipInventory(store);
    const eip = inventory.create(poolEip('ns/pool'), now);
    inventory.save({ ...eip, usedBy: { pod: { namespace: 'ns', name: 'web', uid: 'u1' } } });
    const lookups = eipRuleLookups(store);
    expect(lookups.eipById(eip.id)).toEqual({
      id: eip.id,
      address: eip.address,
      pool: 'pool',
      usedBy: 'ns/web',
    });
    expect(lookups.eipByAddress(eip.address)?.id).toBe(eip.id);
    expect(eipById(store, 'missing')).toBeUndefined();
    expect(inventory.byId(eip.id)?.status).toBe('ACTIVE');
  });

  it('keeps EIPs in the store under an internal key, so they survive a restart with a data dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eip-inventory-'));
    try {
      const first = new ObjectStore({ persistence: openSqlitePersistence(dir) });
      const created = eipInventory(first).create(poolEip('ns/p'), now);
      first.close();
      const second = new ObjectStore({ persistence: openSqlitePersistence(dir) });
      expect(eipById(second, created.id)?.address).toBe(created.address);
      expect(listEips(second)).toHaveLength(defaultEips.length + 1);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
