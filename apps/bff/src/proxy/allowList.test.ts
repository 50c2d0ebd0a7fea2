import { describe, expect, it } from 'vitest';
import { decideProxyRequest } from './allowList.ts';

const decide = (method: string, target: string) => {
  const q = target.indexOf('?');
  return q === -1
    ? decideProxyRequest(method, target, '')
    : decideProxyRequest(method, target.slice(0, q), target.slice(q + 1));
};
const forwarded = (method: string, target: string) => {
  const d = decide(method, target);
  return d.allowed ? `${method} ${d.path}${d.query ? `?${d.query}` : ''} ${d.operation}` : d.code;
};

describe('proxy allow-list decisions', () => {
  it.each([
    ['GET', '/version', 'GET /version discovery'],
    ['GET', '/api/v1', 'GET /api/v1 discovery'],
    ['GET', '/apis/apps/v1', 'GET /apis/apps/v1 discovery'],
    ['GET', '/openapi/v2', 'GET /openapi/v2 discovery'],
    ['GET', '/api/v1/pods', 'GET /api/v1/pods list'],
    [
      'GET',
      '/api/v1/namespaces/ns1/pods?limit=10',
      'GET /api/v1/namespaces/ns1/pods?limit=10 list',
    ],
    [
      'GET',
      '/api/v1/namespaces/ns1/pods?watch=1&resourceVersion=12&allowWatchBookmarks=true',
      'GET /api/v1/namespaces/ns1/pods?watch=1&resourceVersion=12&allowWatchBookmarks=true watch',
    ],
    ['POST', '/api/v1/namespaces/ns1/secrets', 'POST /api/v1/namespaces/ns1/secrets create'],
    ['POST', '/api/v1/namespaces', 'POST /api/v1/namespaces create'],
    ['GET', '/api/v1/namespaces/ns1', 'GET /api/v1/namespaces/ns1 get'],
    [
      'GET',
      '/apis/apps/v1/namespaces/ns1/deployments/web/scale',
      'GET /apis/apps/v1/namespaces/ns1/deployments/web/scale get',
    ],
    [
      'PATCH',
      '/apis/apps/v1/namespaces/ns1/deployments/web/scale',
      'PATCH /apis/apps/v1/namespaces/ns1/deployments/web/scale patch',
    ],
    [
      'GET',
      '/api/v1/namespaces/ns1/configmaps/kube.root-ca.crt',
      'GET /api/v1/namespaces/ns1/configmaps/kube.root-ca.crt get',
    ],
    [
      'GET',
      '/apis/imagecache.cci.io/v1/imagesnapshots',
      'GET /apis/imagecache.cci.io/v1/imagesnapshots list',
    ],
  ])('forwards %s %s', (method, target, expected) => {
    expect(forwarded(method, target)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['GET', '/v3/auth/tokens', 404],
    ['POST', '/v3/auth/tokens', 404],
    ['GET', '/emulator/state', 404],
    ['GET', '/api/v1/nodes', 404],
    ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles', 404],
    ['GET', '/apis/apps/v2/deployments', 404],
    ['GET', '/apis/apps', 404],
    ['GET', '/healthz', 404],
    ['POST', '/version', 405],
    ['HEAD', '/api/v1/pods', 405],
    ['POST', '/api/v1/pods', 404],
    // Least privilege: no deletecollection, and only the subresources the screens use.
    ['DELETE', '/api/v1/namespaces', 405],
    ['DELETE', '/api/v1/namespaces/ns1/services', 405],
    ['DELETE', '/api/v1/namespaces/ns1/secrets', 405],
    ['DELETE', '/apis/batch/v1/namespaces/ns1/jobs?labelSelector=app%3Dweb', 405],
    ['PUT', '/apis/apps/v1/namespaces/ns1/deployments/web/scale', 405],
    ['PATCH', '/api/v1/namespaces/ns1/status', 403],
    ['GET', '/apis/apps/v1/namespaces/ns1/deployments/web/status', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web-1/log?container=app&follow=true', 403],
    ['POST', '/api/v1/namespaces/ns1/pods/web/log', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web/exec', 403],
    ['POST', '/api/v1/namespaces/ns1/pods/web/exec', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web/attach', 403],
    ['POST', '/api/v1/namespaces/ns1/pods/web/portforward', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web-1%3A19100/proxy/metrics', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web:6443/proxy/metrics', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web/proxy/metrics', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/web:19100/proxy', 403],
    ['POST', '/api/v1/namespaces/ns1/pods/web:19100/proxy/metrics', 403],
    ['GET', '/api/v1/namespaces/ns1/services/web:80/proxy/metrics', 404],
    ['GET', '/apis/apps/v1/namespaces/ns1/deployments/web/log', 404],
    ['GET', '/api/v1/namespaces/ns1/pods/web/status/x', 403],
    ['GET', '/api/v1/namespaces/ns1/pods/../secrets', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/%2e%2e/secrets', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/%2E/x', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%2fb', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%2Fb', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%5cb', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%252fb', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%00', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a%0a', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/%C3%A9', 400],
    ['GET', '/api/v1/namespaces/ns1//pods', 400],
    ['GET', '/api/v1/pods/', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/a\\b', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/Web', 400],
    ['GET', '/api/v1/namespaces/NS/pods', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/web?pretty=true', 400],
    ['GET', '/api/v1/namespaces/ns1/pods/web?watch=true', 400],
    ['GET', '/api/v1/pods?limit=1&limit=2', 400],
    ['GET', '/api/v1/pods?labelSelector=%zz', 400],
    ['GET', '/api/v1/pods?timeoutSeconds=-1', 400],
    ['GET', '/version?x=1', 400],
  ])('refuses %s %s with %i', (method, target, code) => {
    expect(forwarded(method, target)).toBe(code);
  });

  it('S4 refuses watch and selectors on image snapshots (no watch, no selectors)', () => {
    expect(forwarded('GET', '/apis/imagecache.cci.io/v1/imagesnapshots?watch=true')).toBe(403);
    expect(forwarded('GET', '/apis/imagecache.cci.io/v1/imagesnapshots?labelSelector=a%3Db')).toBe(
      400,
    );
    expect(forwarded('GET', '/apis/imagecache.cci.io/v1/imagesnapshots?fieldSelector=x')).toBe(400);
  });

  it('marks watches as streaming, nothing else', () => {
    const streaming = (target: string) => {
      const d = decide('GET', target);
      return d.allowed && d.streaming;
    };
    expect(streaming('/api/v1/pods?watch=true')).toBe(true);
    expect(streaming('/api/v1/pods?watch=false')).toBe(false);
  });
});
