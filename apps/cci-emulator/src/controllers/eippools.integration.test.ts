import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../../test/support/testEmulator.ts';
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
  staticPool,
  tableRow,
} from './eip.testkit.ts';

let t: TestEmulator;
beforeEach(async () => {
  t = await startEipEmulator();
});
afterEach(() => t.close());

describe('EIPPool controller', () => {
  it('E2, E4, E9: a dynamic pool holds 3 EIPs, a pod takes one, gives it back and a re-created pod draws again', async () => {
    await create(t, poolsPath, dynamicPool('eippool-demo1', 3));
    let pool = await getPool(t, 'eippool-demo1');
    expect(pool.status?.eips).toHaveLength(3);
    expect(pool.status?.usage).toBe('0/3');
    expect(await tableRow(t, 'eippool-demo1')).toMatchObject({
      Name: 'eippool-demo1',
      EIPs: '0/3',
      Usage: '0/3',
    });
    for (const eip of poolEips(t, 'eippool-demo1')) {
      expect(eip).toMatchObject({ createdWith: 'pool', status: 'DOWN', networkType: '5_bgp' });
      expect(eip.address).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    }

    await create(t, podsPath, pod('web', { 'yangtse.io/eip-pool': 'eippool-demo1' }));
    const first = await allocatedAddress(t, 'web');
    expect(poolEips(t, 'eippool-demo1').map((e) => e.address)).toContain(first);
    pool = await getPool(t, 'eippool-demo1');
    expect(pool.status?.usage).toBe('1/3');
    expect(pool.status?.eips.find((e) => e.address === first)?.podName).toBe('web');
    expect(await tableRow(t, 'eippool-demo1')).toMatchObject({ EIPs: '1/3', Usage: '1/3' });
    expect(eips(t).find((e) => e.address === first)?.status).toBe('ACTIVE');

    await remove(t, `${podsPath}/web`);
    expect((await getPool(t, 'eippool-demo1')).status?.usage).toBe('0/3');
    expect(eips(t).find((e) => e.address === first)).toMatchObject({ status: 'DOWN' });

    await create(t, podsPath, pod('web', { 'yangtse.io/eip-pool': 'eippool-demo1' }));
    const second = await allocatedAddress(t, 'web');
    expect(second).toBeDefined();
    // Nothing is reserved by pod name: the longest-free EIP goes first, not the old one.
    expect(second).not.toBe(first);
    expect((await getPool(t, 'eippool-demo1')).status?.usage).toBe('1/3');
  });

  it('E6: a pool used by a pod cannot be deleted; once free, deleting it deletes its EIPs', async () => {
    await create(t, poolsPath, dynamicPool('busy', 2));
    await create(t, podsPath, pod('holder', { 'yangtse.io/eip-pool': 'busy' }));
    const refused = await t.api.delete<{ message: string }>(`${poolsPath}/busy`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('"holder"');
    expect(poolEips(t, 'busy')).toHaveLength(2);

    await remove(t, `${podsPath}/holder`);
    const before = eips(t).length;
    await remove(t, `${poolsPath}/busy`);
    expect(poolEips(t, 'busy')).toHaveLength(0);
    expect(eips(t)).toHaveLength(before - 2);
  });

  it('E3: a static pool cannot take over an EIP used by NAT; it reports why and takes the free one', async () => {
    const free = seededEip.free[0]?.address as string;
    await create(t, poolsPath, staticPool('eippool-demo2', [free, seededEip.usedByNat.address]));
    const pool = await getPool(t, 'eippool-demo2');
    expect(pool.status?.eips.map((e) => e.address)).toEqual([free]);
    expect(pool.status?.conditions[0]).toMatchObject({
      type: 'Ready',
      status: 'False',
      reason: 'EIPInUse',
    });
    expect(pool.status?.conditions[0]?.message).toContain('NAT');
    const warnings = (await eventsFor(t, 'eippool-demo2')).filter((e) => e.type === 'Warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain(seededEip.usedByNat.address);
    expect(eips(t).find((e) => e.address === seededEip.usedByNat.address)?.pool).toBeUndefined();

    // E5 for a static pool: dropping the NAT address makes it ready; deleting hands the EIP back.
    const res = await t.api.patch(
      `${poolsPath}/eippool-demo2`,
      { spec: { eips: [free] } },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(200);
    await t.settle();
    expect((await getPool(t, 'eippool-demo2')).status?.conditions[0]?.status).toBe('True');
    await remove(t, `${poolsPath}/eippool-demo2`);
    expect(eips(t).find((e) => e.address === free)).toMatchObject({
      createdWith: 'user',
      status: 'DOWN',
    });
    expect(eips(t).find((e) => e.address === free)?.pool).toBeUndefined();
  });

  it('E5: scaling up adds EIPs; scaling down removes free ones and an in-use one goes when released', async () => {
    // The pod-EIP controller first: it must not hand a shrinking pool's freed EIP to a waiting pod.
    await t.close();
    t = await startEipEmulator({ podEipsFirst: true });
    await create(t, poolsPath, dynamicPool('scaled', 3));
    await create(t, podsPath, pod('a', { 'yangtse.io/eip-pool': 'scaled' }));
    await create(t, podsPath, pod('b', { 'yangtse.io/eip-pool': 'scaled' }));
    const scale = async (amount: number) => {
      const res = await t.api.patch(
        `${poolsPath}/scaled`,
        { spec: { amount } },
        'application/merge-patch+json',
      );
      expect(res.status).toBe(200);
      await t.settle();
    };
    await scale(5);
    expect((await getPool(t, 'scaled')).status?.usage).toBe('2/5');
    expect(await tableRow(t, 'scaled')).toMatchObject({ EIPs: '2/5', Usage: '2/5' });

    await scale(1);
    let pool = await getPool(t, 'scaled');
    expect(pool.status?.usage).toBe('2/2');
    expect(pool.status?.eips.map((e) => e.podName).sort()).toEqual(['a', 'b']);
    await create(t, podsPath, pod('c', { 'yangtse.io/eip-pool': 'scaled' }));

    // The shrinking pool deletes a's EIP once released rather than handing it to waiting c.
    await remove(t, `${podsPath}/a`);
    pool = await getPool(t, 'scaled');
    expect(pool.status?.usage).toBe('1/1');
    expect(pool.status?.eips.map((e) => e.podName)).toEqual(['b']);
    expect(poolEips(t, 'scaled')).toHaveLength(1);
    expect(await allocatedAddress(t, 'c')).toBeUndefined();
  });

  it('E1: a pool name longer than 29 bytes works; the cloud names are cut to 29 bytes', async () => {
    const name = 'a-very-long-eippool-name-for-the-team-42';
    await create(t, poolsPath, dynamicPool(name, 1));
    expect((await getPool(t, name)).status?.usage).toBe('0/1');
    const [eip] = poolEips(t, name);
    expect(eip?.name).toBe('a-very-long-eippool-name-for');
    expect(Buffer.byteLength(eip?.name ?? '')).toBeLessThanOrEqual(29);
  });

  it('E4: a pod waiting for a full pool is warned, then served when the pool grows', async () => {
    await create(t, poolsPath, dynamicPool('small', 1));
    await create(t, podsPath, pod('p1', { 'yangtse.io/eip-pool': 'small' }));
    await create(t, podsPath, pod('p2', { 'yangtse.io/eip-pool': 'small' }));
    expect(await allocatedAddress(t, 'p2')).toBeUndefined();
    const warning = (await eventsFor(t, 'p2')).find((e) => e.reason === 'NoFreeEIP');
    expect(warning?.type).toBe('Warning');

    const res = await t.api.patch(
      `${poolsPath}/small`,
      { spec: { amount: 2 } },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(200);
    await t.settle();
    const address = await allocatedAddress(t, 'p2');
    expect(address).toBeDefined();
    expect(address).not.toBe(await allocatedAddress(t, 'p1'));
    expect((await getPool(t, 'small')).status?.usage).toBe('2/2');
  });
});
