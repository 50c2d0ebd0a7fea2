import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { status, stubFetch } from '../actions/fetchStub.testkit.ts';
import { resourceKeys } from '../resources/resources.queries.ts';
import { errorText, statusOf, wizardMutations } from './wizardMutations.ts';

afterEach(() => vi.unstubAllGlobals());

const pool = { apiVersion: 'crd.yangtse.cni/v1', kind: 'EIPPool', metadata: { name: 'p1' } };
const poolsPath = '/api/cci/apis/crd.yangtse.cni/v1/namespaces/demo/eippools';
const target = { region: 'cn-north-4', plural: 'eippools', namespace: 'demo' } as const;

describe('wizardMutations', () => {
  it('creates with one POST and settles only after the region was refreshed', async () => {
    const fetch = stubFetch({ [`POST ${poolsPath}`]: { status: 201, body: pool } });
    const queryClient = new QueryClient();
    const order: string[] = [];
    vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async (filters) => {
      order.push(`refresh ${JSON.stringify(filters?.queryKey)}`);
    });
    const observer = new MutationObserver(queryClient, wizardMutations.create(queryClient, target));
    const created = await observer.mutate(pool);
    order.push('settled');
    expect(created).toEqual(pool);
    expect(fetch.writes()).toEqual([
      expect.objectContaining({ method: 'POST', url: poolsPath, body: pool }),
    ]);
    expect(order).toEqual([
      `refresh ${JSON.stringify(resourceKeys.region('cn-north-4'))}`,
      'settled',
    ]);
  });

  it('a refused write keeps the Status, in the UI language, and refreshes nothing', async () => {
    stubFetch({
      [`POST ${poolsPath}`]: {
        status: 422,
        body: { ...status(422, 'Invalid', 'amount too big'), messages: { 'zh-CN': '数量过大' } },
      },
    });
    const queryClient = new QueryClient();
    const refresh = vi.spyOn(queryClient, 'invalidateQueries');
    const observer = new MutationObserver(queryClient, wizardMutations.create(queryClient, target));
    const error = await observer.mutate(pool).catch((e: unknown) => e);
    expect(errorText(error, 'en')).toBe('amount too big');
    expect(errorText(error, 'zh-CN')).toBe('数量过大');
    expect(statusOf(error)?.reason).toBe('Invalid');
    expect(refresh).not.toHaveBeenCalled();
    expect(errorText(null, 'en')).toBeUndefined();
  });

  it('deleting what is already gone succeeds (the managers only want it absent)', async () => {
    const fetch = stubFetch({
      [`DELETE ${poolsPath}/p1`]: { status: 404, body: status(404, 'NotFound', 'gone') },
    });
    const queryClient = new QueryClient();
    const observer = new MutationObserver(queryClient, wizardMutations.delete(queryClient, target));
    await observer.mutate('p1');
    expect(fetch.writes().map((r) => `${r.method} ${r.url}`)).toEqual([`DELETE ${poolsPath}/p1`]);
  });
});
