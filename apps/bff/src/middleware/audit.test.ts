import { describe, expect, it } from 'vitest';
import { parseResourcePath } from './audit.ts';

describe('audit resource parsing', () => {
  it('names group, version, plural, namespace, name and subresource of CCI paths', () => {
    expect(parseResourcePath('/api/v1/namespaces/demo/pods/web-0/log')).toEqual({
      group: '',
      version: 'v1',
      plural: 'pods',
      namespace: 'demo',
      name: 'web-0',
      subresource: 'log',
    });
    expect(parseResourcePath('/apis/apps/v1/namespaces/demo/deployments')).toEqual({
      group: 'apps',
      version: 'v1',
      plural: 'deployments',
      namespace: 'demo',
    });
    expect(parseResourcePath('/api/v1/namespaces/demo')).toEqual({
      group: '',
      version: 'v1',
      plural: 'namespaces',
      name: 'demo',
    });
    expect(parseResourcePath('/apis/crd.yangtse.cni/v1/eippools/p%201')).toEqual({
      group: 'crd.yangtse.cni',
      version: 'v1',
      plural: 'eippools',
      name: 'p 1',
    });
    expect(parseResourcePath('/version')).toBeUndefined();
    expect(parseResourcePath('/apis/apps')).toBeUndefined();
  });
});
