import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { status, stubFetch } from '../actions/fetchStub.testkit.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { errorText, statusOf, wizardMutations } from './wizardMutations.ts';

afterEach(() => vi.unstubAllGlobals());

const pool = { apiVersion: 'crd.yangtse.cni/v1', kind: 'EIPPool', metadata: { name: 'p1' } };
const poolsPath = '/api/cci/apis/crd.yangtse.cni/v1/namespaces/demo/eippools';
const target = { region: 'cn-north-4', plural: 'eippools', namespace: 'demo' } as const;

describe('wizardMutations', () => {
  it('creates with one POST and settles only after what it touched was refreshed', async () => {
    const fetch = stubFetch({ [`POST ${poolsPath}`]: { status: 201, body: pool } });
    const queryClient = new QueryClient();
    const order: string[] = [];
    const refreshes = (key: readonly unknown[]) =>
      order.push(`${JSON.stringify(key)} ${String(predicate?.({ queryKey: key } as never))}`);
    let predicate: ((query: never) => boolean) | undefined;
    vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async (filters) => {
      predicate = filters?.predicate as typeof predicate;
      refreshes(kubeKeys.list('cn-north-4', 'demo', 'eippools'));
      refreshes(kubeKeys.list('cn-north-4', 'other', 'eippools'));
    });
    const observer = new MutationObserver(queryClient, wizardMutations.create(queryClient, target));
    const created = await observer.mutate(pool);
    order.push('settled');
    expect(created).toEqual(pool);
    expect(fetch.writes()).toEqual([
      expect.objectContaining({ method: 'POST', url: poolsPath, body: pool }),
    ]);
    expect(order).toEqual([
      `${JSON.stringify(kubeKeys.list('cn-north-4', 'demo', 'eippools'))} true`,
      `${JSON.stringify(kubeKeys.list('cn-north-4', 'other', 'eippools'))} false`,
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
