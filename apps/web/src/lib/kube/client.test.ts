import { describe, expect, it } from 'vitest';
import { createKubeClient, kubePath, type Fetcher } from './client.ts';
import { ApiError, type ApiRequest } from './http.ts';
import { requireKind } from './kinds.ts';
import type { KubeObject } from './objects.ts';

/** Records "METHOD url content-type" and answers from a map of GET urls (404 otherwise). */
function recorder(objects: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  const fetcher = (async (path: string, request: ApiRequest = {}) => {
    const method = request.method ?? 'GET';
    calls.push([method, path, request.contentType].filter(Boolean).join(' '));
    bodies.push(request.body);
    if (method !== 'GET') return request.body ?? {};
    if (path in objects) return objects[path];
    throw new ApiError(404, { code: 404, reason: 'NotFound' });
  }) as Fetcher;
  return { client: createKubeClient(fetcher), calls, bodies };
}

const deployments = requireKind('deployments');
const networks = requireKind('networks');
const web: KubeObject = { metadata: { name: 'web', namespace: 'demo' }, spec: { replicas: 2 } };
const webPath = '/api/cci/apis/apps/v1/namespaces/demo/deployments/web';

describe('the kube client', () => {
  it('builds every URL from the kind: namespaces, subresources, selectors, dry run', () => {
    expect(kubePath(deployments, { namespace: 'demo', name: 'web', subresource: 'scale' })).toBe(
      `${webPath}/scale`,
    );
    expect(kubePath(requireKind('namespaces'), { namespace: 'ignored', name: 'team a' })).toBe(
      '/api/cci/api/v1/namespaces/team%20a',
    );
    expect(
      kubePath(requireKind('pods'), { namespace: 'demo' }, { labelSelector: 'app=web,tier!=db' }),
    ).toBe('/api/cci/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb%2Ctier%21%3Ddb');
    expect(kubePath(networks, {}, { dryRun: undefined })).toBe(
      '/api/cci/apis/networking.cci.io/v1beta1/networks',
    );
  });

  it('patches with the content type of each patch kind, and passes dryRun', async () => {
    const { client, calls } = recorder();
    const at = { namespace: 'demo', name: 'web' };
    await client.patch(deployments, at, {}, 'merge');
    await client.patch(deployments, at, {}, 'strategic', { dryRun: true });
    await client.patch(deployments, at, [], 'json');
    expect(calls).toEqual([
      `PATCH ${webPath} application/merge-patch+json`,
      `PATCH ${webPath}?dryRun=All application/strategic-merge-patch+json`,
      `PATCH ${webPath} application/json-patch+json`,
    ]);
  });

  it('find answers null for 404 and rethrows anything else', async () => {
    const { client } = recorder({ [webPath]: web });
    expect(await client.find(deployments, { namespace: 'demo', name: 'web' })).toEqual(web);
    expect(await client.find(deployments, { namespace: 'demo', name: 'api' })).toBeNull();
  });

  it('apply creates what is absent, patches what exists, replaces with a resourceVersion', async () => {
    const { client, calls } = recorder({ [webPath]: web });
    await client.apply(deployments, { ...web, metadata: { ...web.metadata, name: 'api' } });
    await client.apply(deployments, web);
    await client.apply(deployments, {
      ...web,
      metadata: { ...web.metadata, resourceVersion: '7' },
    });
    const pool: KubeObject = { metadata: { name: 'p', namespace: 'demo' } };
    await client.apply(requireKind('eippools'), pool, { previous: pool, dryRun: true });
    expect(calls).toEqual([
      `GET ${webPath.replace('web', 'api')}`,
      'POST /api/cci/apis/apps/v1/namespaces/demo/deployments',
      `GET ${webPath}`,
      `PATCH ${webPath} application/strategic-merge-patch+json`,
      `GET ${webPath}`,
      `PUT ${webPath}`,
      // A custom kind has no strategic-merge schema; a known `previous` is not read again.
      'PATCH /api/cci/apis/crd.yangtse.cni/v1/namespaces/demo/eippools/p?dryRun=All application/merge-patch+json',
    ]);
  });

  it('delete sends its DeleteOptions; list its selectors', async () => {
    const { client, calls, bodies } = recorder({
      '/api/cci/api/v1/namespaces/demo/events?fieldSelector=involvedObject.name%3Dweb': {
        items: [],
      },
    });
    await client.delete(
      deployments,
      { namespace: 'demo', name: 'web' },
      {
        body: { propagationPolicy: 'Foreground' },
      },
    );
    await client.list(requireKind('events'), 'demo', { fieldSelector: 'involvedObject.name=web' });
    expect(calls[0]).toBe(`DELETE ${webPath}`);
    expect(bodies[0]).toEqual({ propagationPolicy: 'Foreground' });
    expect(calls[1]).toContain('/events?fieldSelector=');
  });
});
