import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, readWatchEvents } from '../test/support/client.ts';
import { startEmulator, type Emulator } from './emulator.ts';

let emulator: Emulator;
let api: ReturnType<typeof apiClient>;
let token: string;

const nsBody = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: { sys_enterprise_project_id: '0' },
    annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
  },
  spec: { finalizers: ['kubernetes'] },
});
const cm = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data: { k: 'v' },
});

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, bookmarkIntervalMs: 100, eventLogCapacity: 50 });
  token = emulator.issueToken();
  api = apiClient(emulator.url, token);
  expect((await api.post('/api/v1/namespaces', nsBody('ns-a'))).status).toBe(201);
});
afterAll(() => emulator.close());

describe('emulator API over HTTP', () => {
  it('refuses a request without credentials with a 401 Status', async () => {
    const res = await apiClient(emulator.url, 'not-a-token').get('/api/v1/namespaces');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('serves discovery with short names, verbs and subresources', async () => {
    const core = await api.get<{
      resources: { name: string; shortNames?: string[]; verbs: string[] }[];
    }>('/api/v1');
    const pods = core.body.resources.find((r) => r.name === 'pods');
    expect(pods?.shortNames).toEqual(['po']);
    expect(pods?.verbs).toContain('watch');
    expect(core.body.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['pods/log', 'pods/proxy', 'pods/status']),
    );
    const groups = await api.get<{ groups: { name: string }[] }>('/apis');
    expect(groups.body.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'batch',
        'extensions',
        'networking.k8s.io',
        'networking.cci.io',
        'crd.yangtse.cni',
        'imagecache.cci.io',
      ]),
    );
    const deploy = await api.get<{ resources: { name: string }[] }>('/apis/apps/v1');
    expect(deploy.body.resources.map((r) => r.name)).toContain('deployments/scale');
    expect((await api.get('/version')).body).toMatchObject({ major: '1' });
  });

  it('creates with server-set metadata and refuses duplicates with the CCI error code', async () => {
    const created = await api.post<{ metadata: Record<string, unknown> }>(
      '/api/v1/namespaces/ns-a/configmaps',
      cm('c1'),
    );
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'c1', namespace: 'ns-a' });
    expect(created.body.metadata['uid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.metadata['creationTimestamp']).toMatch(/Z$/);
    const dup = await api.post('/api/v1/namespaces/ns-a/configmaps', cm('c1'));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      reason: 'AlreadyExists',
      errorCode: 'CCI.02.409101',
      message: 'configmaps "c1" already exists',
    });
  });

  it('refuses protobuf request bodies with 415 and says what to send instead', async () => {
    const res = await api.call('POST', '/api/v1/namespaces/ns-a/configmaps', 'k8s\u0000binary', {
      'Content-Type': 'application/vnd.kubernetes.protobuf',
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ reason: 'UnsupportedMediaType' });
    expect((res.body as { message: string }).message).toMatch(/send JSON or YAML/);
  });

  it('validates names (DNS-1123) and namespaces', async () => {
    const bad = await api.post<{ message: string; details: { causes: { field: string }[] } }>(
      '/api/v1/namespaces/ns-a/configmaps',
      cm('Bad_Name'),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.details.causes[0]?.field).toBe('metadata.name');
    const missing = await api.post('/api/v1/namespaces/nope/configmaps', cm('x'));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: 'namespaces "nope" not found' });
  });

  it('updates with optimistic concurrency: a stale resourceVersion is a 409 Conflict', async () => {
    const created = await api.post<{ metadata: { resourceVersion: string } }>(
      '/api/v1/namespaces/ns-a/configmaps',
      cm('c2'),
    );
    const rv = created.body.metadata.resourceVersion;
    const ok = await api.put('/api/v1/namespaces/ns-a/configmaps/c2', {
      ...cm('c2'),
      metadata: { name: 'c2', resourceVersion: rv },
      data: { k: 'v2' },
    });
    expect(ok.status).toBe(200);
    const stale = await api.put('/api/v1/namespaces/ns-a/configmaps/c2', {
      ...cm('c2'),
      metadata: { name: 'c2', resourceVersion: rv },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'Conflict' });
  });

  it('patches with merge, JSON and strategic merge patches', async () => {
    await api.post('/api/v1/namespaces/ns-a/configmaps', cm('c3', { a: '1' }));
    const merged = await api.patch<{ metadata: { labels: Record<string, string> } }>(
      '/api/v1/namespaces/ns-a/configmaps/c3',
      { metadata: { labels: { a: null, b: '2' } } },
      'application/merge-patch+json',
    );
    expect(merged.body.metadata.labels).toEqual({ b: '2' });
    const jsonPatched = await api.patch<{ data: Record<string, string> }>(
      '/api/v1/namespaces/ns-a/configmaps/c3',
      [{ op: 'replace', path: '/data/k', value: 'json' }],
      'application/json-patch+json',
    );
    expect(jsonPatched.body.data).toEqual({ k: 'json' });
    const strategic = await api.patch<{ data: Record<string, string> }>(
      '/api/v1/namespaces/ns-a/configmaps/c3',
      { data: { extra: 'x' } },
      'application/strategic-merge-patch+json',
    );
    expect(strategic.body.data).toEqual({ k: 'json', extra: 'x' });
  });

  it('lists with label selectors and limit/continue pages', async () => {
    for (let i = 0; i < 5; i++)
      await api.post(
        '/api/v1/namespaces/ns-a/configmaps',
        cm(`page-${i}`, { tier: i % 2 === 0 ? 'even' : 'odd' }),
      );
    const even = await api.get<{ items: { metadata: { name: string } }[] }>(
      '/api/v1/namespaces/ns-a/configmaps?labelSelector=tier%3Deven',
    );
    expect(even.body.items.map((i) => i.metadata.name)).toEqual(['page-0', 'page-2', 'page-4']);
    const notin = await api.get<{ items: unknown[] }>(
      '/api/v1/namespaces/ns-a/configmaps?labelSelector=tier%20notin%20(even),tier',
    );
    expect(notin.body.items).toHaveLength(2);
    const names: string[] = [];
    let cont = '';
    do {
      const page = await api.get<{
        items: { metadata: { name: string } }[];
        metadata: { continue?: string };
      }>(
        `/api/v1/namespaces/ns-a/configmaps?labelSelector=tier&limit=2${cont ? `&continue=${cont}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      names.push(...page.body.items.map((i) => i.metadata.name));
      cont = page.body.metadata.continue ?? '';
    } while (cont);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const badSelector = await api.get(
      '/api/v1/namespaces/ns-a/configmaps?labelSelector=a%20in%20b',
    );
    expect(badSelector.status).toBe(400);
    const badField = await api.get(
      '/api/v1/namespaces/ns-a/configmaps?fieldSelector=status.phase%3DRunning',
    );
    expect(badField.body).toMatchObject({ message: 'field label not supported: status.phase' });
  });

  it('serves the Table representation kubectl asks for (N8)', async () => {
    const table = await api.get<{
      kind: string;
      columnDefinitions: { name: string }[];
      rows: { cells: unknown[] }[];
    }>('/api/v1/namespaces', {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(table.body.kind).toBe('Table');
    expect(table.body.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(table.body.rows[0]?.cells[0]).toBe('ns-a');
  });

  it('streams watch events from a resourceVersion, with bookmarks', async () => {
    const list = await api.get<{ metadata: { resourceVersion: string } }>(
      '/api/v1/namespaces/ns-a/configmaps',
    );
    const rv = list.body.metadata.resourceVersion;
    const events = await readWatchEvents(
      `${emulator.url}/api/v1/namespaces/ns-a/configmaps?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`,
      token,
      3,
      5000,
      async () => {
        await api.post('/api/v1/namespaces/ns-a/configmaps', cm('w1'));
        await api.delete('/api/v1/namespaces/ns-a/configmaps/w1');
      },
    );
    expect(
      events.slice(0, 2).map((e) => [e.type, (e.object['metadata'] as { name: string }).name]),
    ).toEqual([
      ['ADDED', 'w1'],
      ['DELETED', 'w1'],
    ]);
    expect(events[2]?.type).toBe('BOOKMARK');
  });

  it('answers 410 Gone for a watch from a version older than the kept history', async () => {
    for (let i = 0; i < 60; i++)
      await api.post('/api/v1/namespaces/ns-a/configmaps', cm(`churn-${i}`));
    const res = await api.get('/api/v1/namespaces/ns-a/configmaps?watch=1&resourceVersion=2');
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('S4: image snapshots refuse watch and selectors', async () => {
    const watch = await api.get('/apis/imagecache.cci.io/v1/imagesnapshots?watch=1');
    expect(watch.status).toBe(405);
    const selector = await api.get('/apis/imagecache.cci.io/v1/imagesnapshots?labelSelector=a%3Db');
    expect(selector.status).toBe(400);
    expect((await api.get('/apis/imagecache.cci.io/v1/imagesnapshots')).status).toBe(200);
  });

  it('deletes dependents with their owner (propagation) and keeps them on Orphan', async () => {
    const owner = await api.post<{ metadata: { uid: string } }>(
      '/api/v1/namespaces/ns-a/configmaps',
      cm('owner'),
    );
    const ref = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'owner',
      uid: owner.body.metadata.uid,
    };
    await api.post('/api/v1/namespaces/ns-a/configmaps', {
      ...cm('dep'),
      metadata: { name: 'dep', ownerReferences: [ref] },
    });
    expect((await api.delete('/api/v1/namespaces/ns-a/configmaps/owner')).status).toBe(200);
    expect((await api.get('/api/v1/namespaces/ns-a/configmaps/dep')).status).toBe(404);

    const owner2 = await api.post<{ metadata: { uid: string } }>(
      '/api/v1/namespaces/ns-a/configmaps',
      cm('owner2'),
    );
    const ref2 = { ...ref, name: 'owner2', uid: owner2.body.metadata.uid };
    await api.post('/api/v1/namespaces/ns-a/configmaps', {
      ...cm('dep2'),
      metadata: { name: 'dep2', ownerReferences: [ref2] },
    });
    await api.delete('/api/v1/namespaces/ns-a/configmaps/owner2', { propagationPolicy: 'Orphan' });
    const orphan = await api.get<{ metadata: Record<string, unknown> }>(
      '/api/v1/namespaces/ns-a/configmaps/dep2',
    );
    expect(orphan.status).toBe(200);
    expect(orphan.body.metadata['ownerReferences']).toBeUndefined();
  });

  it('scales a deployment through the scale subresource', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    };
    expect((await api.post('/apis/apps/v1/namespaces/ns-a/deployments', deployment)).status).toBe(
      201,
    );
    const scale = await api.get('/apis/apps/v1/namespaces/ns-a/deployments/web/scale');
    expect(scale.body).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 2 },
      status: { selector: 'app=web' },
    });
    const patched = await api.patch(
      '/apis/apps/v1/namespaces/ns-a/deployments/web/scale',
      { spec: { replicas: 5 } },
      'application/merge-patch+json',
    );
    expect(patched.body).toMatchObject({ spec: { replicas: 5 } });
    const after = await api.get<{ spec: { replicas: number }; metadata: { generation: number } }>(
      '/apis/apps/v1/namespaces/ns-a/deployments/web',
    );
    expect(after.body.spec.replicas).toBe(5);
    expect(after.body.metadata.generation).toBe(2);
  });

  it('serves one Ingress through both of its API versions', async () => {
    const ingress = {
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      // IG1: CCI ingresses carry these labels and ELB annotations.
      metadata: {
        name: 'ing',
        labels: { isExternal: 'true', zone: 'data' },
        annotations: {
          'kubernetes.io/elb.id': '2d48d034-6046-48db-8bb2-53c67e8148b5',
          'kubernetes.io/elb.port': '6071',
        },
      },
      spec: {
        rules: [
          { http: { paths: [{ path: '/', backend: { serviceName: 's', servicePort: 80 } }] } },
        ],
      },
    };
    expect(
      (await api.post('/apis/extensions/v1beta1/namespaces/ns-a/ingresses', ingress)).status,
    ).toBe(201);
    const other = await api.get('/apis/networking.k8s.io/v1beta1/namespaces/ns-a/ingresses/ing');
    expect(other.body).toMatchObject({ apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress' });
  });

  it('answers a pod proxy to a port nobody listens on with 503', async () => {
    await api.post('/api/v1/namespaces/ns-a/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p1' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    const res = await api.get('/api/v1/namespaces/ns-a/pods/p1:19100/proxy/metrics');
    expect(res.status).toBe(503);
  });

  it('terminates a namespace: Terminating first (N3 finalizer), then gone with its content', async () => {
    await api.post('/api/v1/namespaces', nsBody('ns-gone'));
    await api.post('/api/v1/namespaces/ns-gone/configmaps', cm('inside'));
    const del = await api.delete<{ status: { phase: string } }>('/api/v1/namespaces/ns-gone');
    expect(del.body.status.phase).toBe('Terminating');
    await new Promise((r) => setTimeout(r, 50));
    expect((await api.get('/api/v1/namespaces/ns-gone')).status).toBe(404);
    expect((await api.get('/api/v1/namespaces/ns-gone/configmaps/inside')).status).toBe(404);
  });
});
