import { describe, expect, it } from 'vitest';
import {
  checkEnterpriseProject,
  checkNamespaceFinalizers,
  checkNamespaceFlavor,
  namespaceDefaults,
} from './namespaceRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';

const flavorPath = 'metadata.annotations["namespace.kubernetes.io/flavor"]';

function namespace(metadata: Record<string, unknown>, spec?: Record<string, unknown>) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns', ...metadata }, spec };
}

describe('N1 namespace flavor', () => {
  it('N1 accepts the seed namespace (general-computing)', () => {
    expect(checkNamespaceFlavor(seedFixture('03-01-namespace.yaml'), {})).toEqual([]);
  });

  it('N1 accepts gpu-accelerated', () => {
    const doc = namespace({ annotations: { 'namespace.kubernetes.io/flavor': 'gpu-accelerated' } });
    expect(checkNamespaceFlavor(doc, {})).toEqual([]);
  });

  it.each([
    ['missing', {}],
    ['unknown', { annotations: { 'namespace.kubernetes.io/flavor': 'rdma' } }],
    ['non-map annotations', { annotations: 'namespace.kubernetes.io/flavor:gpu-accelerated' }],
  ])('N1 rejects a %s flavor and offers general-computing', (_, metadata) => {
    const [found, ...rest] = checkNamespaceFlavor(namespace(metadata), {});
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: 'N1', path: flavorPath, severity: 'error' });
    expect(found?.message['zh-CN']).toContain('general-computing');
    expect(found?.fix?.set).toEqual([{ path: flavorPath, value: 'general-computing' }]);
  });

  it('N1 rejects changing the flavor on update', () => {
    const old = namespace({
      annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
    });
    const updated = namespace({
      annotations: { 'namespace.kubernetes.io/flavor': 'gpu-accelerated' },
    });
    const found = checkNamespaceFlavor(updated, { operation: 'UPDATE', oldObject: old });
    expect(found).toHaveLength(1);
    expect(found[0]?.message.en).toContain('chosen at creation');
    expect(checkNamespaceFlavor(updated, { operation: 'CREATE' })).toEqual([]);
  });
});

describe('N2 enterprise project label', () => {
  it.each([
    {},
    { labels: { sys_enterprise_project_id: '0' } },
    { labels: { sys_enterprise_project_id: 'a1b2' } },
  ])('N2 accepts %j', (metadata) => {
    expect(checkEnterpriseProject(namespace(metadata))).toEqual([]);
  });

  it('N2 rejects an unquoted number and suggests the quoted form', () => {
    const [found] = checkEnterpriseProject(namespace({ labels: { sys_enterprise_project_id: 0 } }));
    expect(found).toMatchObject({
      rule: 'N2',
      path: 'metadata.labels["sys_enterprise_project_id"]',
    });
    expect(found?.fix?.set?.[0]?.value).toBe('0');
  });

  it('N2 defaults the label to "0" without touching the input', () => {
    const doc = namespace({
      annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
    });
    const defaulted = namespaceDefaults(doc);
    expect(defaulted).toMatchObject({
      metadata: { labels: { sys_enterprise_project_id: '0' } },
      spec: { finalizers: ['kubernetes'] },
    });
    expect(doc.metadata).not.toHaveProperty('labels');
    expect(doc.spec).toBeUndefined();
  });

  it('N2 keeps a given enterprise project', () => {
    const doc = namespace({ labels: { sys_enterprise_project_id: 'ep-1', team: 'a' } });
    expect(namespaceDefaults(doc).metadata).toMatchObject({
      labels: { sys_enterprise_project_id: 'ep-1', team: 'a' },
    });
  });
});

describe('N3 finalizers', () => {
  it.each([undefined, [], ['kubernetes']])('N3 accepts finalizers %j', (finalizers) => {
    expect(checkNamespaceFinalizers(namespace({}, { finalizers }))).toEqual([]);
  });

  it.each([[['foo']], [['kubernetes', 'foo']], ['kubernetes']])(
    'N3 rejects finalizers %j',
    (finalizers) => {
      const [found] = checkNamespaceFinalizers(namespace({}, { finalizers }));
      expect(found).toMatchObject({ rule: 'N3', path: 'spec.finalizers', severity: 'error' });
      expect(found?.fix?.set).toEqual([{ path: 'spec.finalizers', value: ['kubernetes'] }]);
    },
  );

  it('N3 keeps given finalizers when defaulting', () => {
    const doc = namespace({}, { finalizers: ['kubernetes'] });
    expect(namespaceDefaults(doc).spec).toEqual({ finalizers: ['kubernetes'] });
  });
});
