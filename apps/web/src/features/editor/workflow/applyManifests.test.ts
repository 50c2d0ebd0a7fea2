import { describe, expect, it } from 'vitest';
import { createKubeClient, type Fetcher } from '../../../lib/kube/client.ts';
import { ApiError, type ApiRequest } from '../../../lib/kube/http.ts';
import { applyManifests } from './applyManifests.ts';

/** A tiny in-memory API behind the BFF paths, recording every request. */
function fakeApi(objects: Record<string, Record<string, unknown>> = {}) {
  const calls: string[] = [];
  const store = new Map(Object.entries(objects));
  let failOn: { match: (call: string, name: unknown) => boolean; error: ApiError } | undefined;
  const fetch = (async (path: string, request: ApiRequest = {}) => {
    const method = request.method ?? 'GET';
    calls.push(`${method} ${path}${request.contentType ? ` ${request.contentType}` : ''}`);
    const body = request.body as Record<string, unknown> | undefined;
    const bodyName = (body?.['metadata'] as { name?: unknown } | undefined)?.name;
    if (failOn?.match(`${method} ${path}`, bodyName)) throw failOn.error;
    const [bare = '', query] = path.split('?');
    const dry = query === 'dryRun=All';
    if (method === 'GET') {
      const found = store.get(bare);
      if (!found) throw new ApiError(404, { code: 404, message: 'not found' });
      return found;
    }
    const name = (body?.['metadata'] as { name: string }).name;
    const key = method === 'POST' ? `${bare}/${name}` : bare;
    const next = method === 'PATCH' ? { ...store.get(key), ...body } : body;
    if (!dry) store.set(key, next as Record<string, unknown>);
    return next;
  }) as Fetcher;
  return {
    fetch,
    calls,
    store,
    failOn: (match: string | ((call: string, name: unknown) => boolean), error: ApiError) =>
      (failOn = {
        match: typeof match === 'string' ? (call) => call.includes(match) : match,
        error,
      }),
  };
}

const configMap = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: "${value}"\n`;
const cmPath = (name: string) => `/api/cci/api/v1/namespaces/dev/configmaps/${name}`;
const opts = { namespace: 'dev', language: 'en' as const };

describe('applyManifests', () => {
  it('dry-runs every document before writing any, then creates them in order', async () => {
    const api = fakeApi();
    const report = await applyManifests(`${configMap('a', '1')}---\n${configMap('b', '2')}`, {
      ...opts,
      client: createKubeClient(api.fetch),
    });
    expect(report.applied).toBe(true);
    expect(report.results.map((r) => [r.label, r.outcome])).toEqual([
      ['ConfigMap/a', 'created'],
      ['ConfigMap/b', 'created'],
    ]);
    expect(api.calls).toEqual([
      `GET ${cmPath('a')}`,
      'POST /api/cci/api/v1/namespaces/dev/configmaps?dryRun=All',
      `GET ${cmPath('b')}`,
      'POST /api/cci/api/v1/namespaces/dev/configmaps?dryRun=All',
      'POST /api/cci/api/v1/namespaces/dev/configmaps',
      'POST /api/cci/api/v1/namespaces/dev/configmaps',
    ]);
    expect(api.store.get(cmPath('a'))?.['metadata']).toEqual({ name: 'a', namespace: 'dev' });
    expect(report.written.map((w) => w.name)).toEqual(['a', 'b']);
  });

  it('reports unchanged and configured for existing objects (strategic merge patch)', async () => {
    const live = (v: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'dev', resourceVersion: '7', uid: 'u' },
      data: { key: v },
    });
    const api = fakeApi({
      [cmPath('a')]: live('1'),
      [cmPath('b')]: { ...live('1'), metadata: { name: 'b', namespace: 'dev' } },
    });
    const report = await applyManifests(`${configMap('a', '1')}---\n${configMap('b', '2')}`, {
      ...opts,
      client: createKubeClient(api.fetch),
    });
    expect(report.results.map((r) => r.outcome)).toEqual(['unchanged', 'configured']);
    // What the refresh policy refreshes: the object really changed, not the unchanged one.
    expect(report.written.map((w) => [w.kind.kind, w.namespace, w.name])).toEqual([
      ['ConfigMap', 'dev', 'b'],
    ]);
    expect(api.calls.filter((c) => !c.includes('dryRun') && !c.startsWith('GET'))).toEqual([
      `PATCH ${cmPath('b')} application/strategic-merge-patch+json`,
    ]);
  });

  it('writes nothing when the dry run refuses a document, and puts the message on the field line', async () => {
    const api = fakeApi();
    api.failOn(
      'configmaps?dryRun=All',
      new ApiError(422, {
        message: 'ConfigMap "b" is invalid: data.key: bad',
        details: { causes: [{ field: 'data.key', message: 'bad' }] },
      }),
    );
    const report = await applyManifests(configMap('b', 'x'), {
      ...opts,
      client: createKubeClient(api.fetch),
    });
    expect(report.applied).toBe(false);
    expect(report.written).toEqual([]);
    expect(report.results).toMatchObject([
      {
        outcome: 'error',
        line: 6,
        status: 422,
        message: 'ConfigMap "b" is invalid: data.key: bad',
      },
    ]);
    expect(api.calls.some((c) => c.startsWith('POST') && !c.includes('dryRun'))).toBe(false);
  });

  it('replaces with PUT when the document carries a resourceVersion, so a stale edit gets 409', async () => {
    const api = fakeApi({ [cmPath('a')]: { metadata: { name: 'a', resourceVersion: '9' } } });
    api.failOn(`PUT ${cmPath('a')}?dryRun=All`, new ApiError(409, { message: 'conflict' }));
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  resourceVersion: "3"\n';
    const report = await applyManifests(text, { ...opts, client: createKubeClient(api.fetch) });
    expect(report.results).toMatchObject([{ outcome: 'error', status: 409, line: 1 }]);
  });

  it('uses merge patch for custom resources and refuses unknown kinds before any request', async () => {
    const api = fakeApi({
      '/api/cci/apis/crd.yangtse.cni/v1/namespaces/dev/eippools/p': { metadata: { name: 'p' } },
    });
    const pool =
      'apiVersion: crd.yangtse.cni/v1\nkind: EIPPool\nmetadata:\n  name: p\nspec:\n  amount: 2\n';
    await applyManifests(pool, { ...opts, client: createKubeClient(api.fetch) });
    expect(api.calls.at(-1)).toContain('application/merge-patch+json');

    const unknown = await applyManifests(
      `${pool}---\napiVersion: v9\nkind: Nope\nmetadata:\n  name: x\n`,
      {
        ...opts,
        client: createKubeClient(api.fetch),
        dryRunOnly: true,
      },
    );
    expect(unknown.results).toMatchObject([
      { outcome: 'skipped' },
      { outcome: 'error', messageKey: 'unknownKind', line: 9, params: { kind: 'Nope' } },
    ]);
  });

  it('stops at the first failing write and marks the rest skipped', async () => {
    const api = fakeApi();
    api.failOn(
      (call, name) => call === 'POST /api/cci/api/v1/namespaces/dev/configmaps' && name === 'b',
      new ApiError(500, { message: 'boom' }),
    );
    const text = [configMap('a', '1'), configMap('b', '2'), configMap('c', '3')].join('---\n');
    const report = await applyManifests(text, { ...opts, client: createKubeClient(api.fetch) });
    expect(report.results.map((r) => [r.label, r.outcome, r.message])).toEqual([
      ['ConfigMap/a', 'created', undefined],
      ['ConfigMap/b', 'error', 'boom'],
      ['ConfigMap/c', 'skipped', undefined],
    ]);
  });

  it('stops after the dry run when asked to', async () => {
    const api = fakeApi();
    const report = await applyManifests(configMap('a', '1'), {
      ...opts,
      client: createKubeClient(api.fetch),
      dryRunOnly: true,
    });
    expect(report).toMatchObject({
      applied: false,
      dryRunOnly: true,
      results: [{ outcome: 'created' }],
    });
    expect(api.store.size).toBe(0);
  });
});
