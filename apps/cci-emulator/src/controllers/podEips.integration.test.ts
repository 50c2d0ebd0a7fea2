import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../test/support/testEmulator.ts';
import { isPodUser } from '../cloud/eipInventory.ts';
import { seededEip } from '../cloud/eipSeed.ts';
import {
  allocatedAddress,
  create,
  dynamicPool,
  eips,
  eventsFor,
  getPool,
  pod,
  podsPath,
  poolEips,
  poolsPath,
  remove,
  startEipEmulator,
} from './eip.testkit.ts';

let t: TestEmulator;
beforeEach(async () => {
  t = await startEipEmulator();
});
afterEach(() => t.close());

const freeSeed = seededEip.free[0] as NonNullable<(typeof seededEip.free)[0]>;

describe('per-pod EIPs', () => {
  it('EIP1, EIP6: pod-with-eip creates an EIP with the options and deletes it with the pod', async () => {
    await create(
      t,
      podsPath,
      pod('nginx', {
        'yangtse.io/pod-with-eip': 'true',
        'yangtse.io/eip-bandwidth-size': '10',
        'yangtse.io/eip-charge-mode': 'traffic',
      }),
    );
    const address = await allocatedAddress(t, 'nginx');
    const eip = eips(t).find((e) => e.address === address);
    expect(eip).toMatchObject({
      createdWith: 'pod',
      status: 'ACTIVE',
      networkType: '5_bgp',
      bandwidth: { shareType: 'PER', size: 10, chargeMode: 'traffic', name: 'nginx' },
      usedBy: { pod: { namespace: 'eip-ns', name: 'nginx' } },
    });
    expect((await eventsFor(t, 'nginx')).map((e) => e.reason)).toContain('EIPAllocated');

    await remove(t, `${podsPath}/nginx`);
    expect(eips(t).find((e) => e.id === eip?.id)).toBeUndefined();
  });

  it('EIP1: a shared bandwidth takes only the bandwidth id', async () => {
    await create(
      t,
      podsPath,
      pod('shared', { 'yangtse.io/pod-with-eip': 'true', 'yangtse.io/eip-bandwidth-id': 'bw-1' }),
    );
    const address = await allocatedAddress(t, 'shared');
    expect(eips(t).find((e) => e.address === address)?.bandwidth).toEqual({
      shareType: 'WHOLE',
      id: 'bw-1',
    });
  });

  it('EIP2, EIP3: eip-id binds the user EIP and wins over pod-with-eip and eip-pool', async () => {
    await create(t, poolsPath, dynamicPool('pool', 2));
    const before = eips(t).length;
    await create(
      t,
      podsPath,
      pod('bound', {
        'yangtse.io/eip-id': freeSeed.id,
        'yangtse.io/pod-with-eip': 'true',
        'yangtse.io/eip-pool': 'pool',
      }),
    );
    expect(await allocatedAddress(t, 'bound')).toBe(freeSeed.address);
    expect(eips(t)).toHaveLength(before);
    expect((await getPool(t, 'pool')).status?.usage).toBe('0/2');

    // EIP3: pod-with-eip wins over eip-pool.
    await create(
      t,
      podsPath,
      pod('own', { 'yangtse.io/pod-with-eip': 'true', 'yangtse.io/eip-pool': 'pool' }),
    );
    const own = eips(t).find((e) => isPodUser(e.usedBy) && e.usedBy.pod.name === 'own');
    expect(own?.createdWith).toBe('pod');
    expect((await getPool(t, 'pool')).status?.usage).toBe('0/2');

    // Unbinding returns the user's EIP to the inventory, free.
    await remove(t, `${podsPath}/bound`);
    expect(eips(t).find((e) => e.id === freeSeed.id)).toMatchObject({
      status: 'DOWN',
      createdWith: 'user',
    });
  });

  it('EIP2: an EIP of a pool cannot be bound by id; a bound EIP makes the next pod wait for it', async () => {
    await create(t, poolsPath, dynamicPool('pool', 1));
    const poolEip = poolEips(t, 'pool')[0];
    await create(t, podsPath, pod('bad', { 'yangtse.io/eip-id': poolEip?.id ?? '' }));
    expect(await allocatedAddress(t, 'bad')).toBeUndefined();
    expect((await eventsFor(t, 'bad')).find((e) => e.reason === 'EIPFromPool')?.type).toBe(
      'Warning',
    );

    await create(t, podsPath, pod('old', { 'yangtse.io/eip-id': freeSeed.id }));
    await create(t, podsPath, pod('new', { 'yangtse.io/eip-id': freeSeed.id }));
    expect(await allocatedAddress(t, 'old')).toBe(freeSeed.address);
    expect(await allocatedAddress(t, 'new')).toBeUndefined();
    expect((await eventsFor(t, 'new')).find((e) => e.reason === 'EIPInUse')?.message).toContain(
      'eip-ns/old',
    );

    await remove(t, `${podsPath}/old`);
    expect(await allocatedAddress(t, 'new')).toBe(freeSeed.address);
  });

  it('EIP4: changing EIP annotations after creation does nothing and says so', async () => {
    await create(t, poolsPath, dynamicPool('pool', 2));
    await create(t, podsPath, pod('late'));
    const res = await t.api.patch(
      `${podsPath}/late`,
      { metadata: { annotations: { 'yangtse.io/eip-pool': 'pool' } } },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(200);
    await t.settle();
    expect(await allocatedAddress(t, 'late')).toBeUndefined();
    expect((await getPool(t, 'pool')).status?.usage).toBe('0/2');
    const warnings = (await eventsFor(t, 'late')).filter(
      (e) => e.reason === 'EIPAnnotationChangeIgnored',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('yangtse.io/eip-pool');
  });

  it('E7, EIP5: a pod keeps its one EIP when other annotations change', async () => {
    await create(t, poolsPath, dynamicPool('pool', 2));
    await create(t, podsPath, pod('one', { 'yangtse.io/eip-pool': 'pool' }));
    const address = await allocatedAddress(t, 'one');
    await t.api.patch(
      `${podsPath}/one`,
      { metadata: { annotations: { note: 'x' } } },
      'application/merge-patch+json',
    );
    await t.settle();
    expect(await allocatedAddress(t, 'one')).toBe(address);
    expect(eips(t).filter((e) => isPodUser(e.usedBy) && e.usedBy.pod.name === 'one')).toHaveLength(
      1,
    );
  });
});
