import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { kubeKeys, ALL_NAMESPACES } from './keys.ts';
import { requireKind } from './kinds.ts';
import { invalidateAfterWrite, type WrittenObjects } from './refresh.ts';

const keys = {
  web: kubeKeys.object('r1', 'demo', 'deployments', 'web'),
  webScale: [...kubeKeys.object('r1', 'demo', 'deployments', 'web'), 'scale'],
  api: kubeKeys.object('r1', 'demo', 'deployments', 'api'),
  deployments: kubeKeys.list('r1', 'demo', 'deployments'),
  deploymentsMatching: kubeKeys.list('r1', 'demo', 'deployments', { labelSelector: 'app=web' }),
  otherNsDeployments: kubeKeys.list('r1', 'prod', 'deployments'),
  otherRegion: kubeKeys.list('r2', 'demo', 'deployments'),
  pods: kubeKeys.list('r1', 'demo', 'pods'),
  replicaSets: kubeKeys.list('r1', 'demo', 'replicasets', { labelSelector: 'app=web' }),
  events: kubeKeys.list('r1', 'demo', 'events', { fieldSelector: 'involvedObject.name=web' }),
  otherNsPods: kubeKeys.list('r1', 'prod', 'pods'),
  configMaps: kubeKeys.list('r1', 'demo', 'configmaps'),
  editorBase: kubeKeys.editorBase('r1', 'demo', 'deployments', 'web'),
  networksEverywhere: kubeKeys.list('r1', ALL_NAMESPACES, 'networks'),
  networks: kubeKeys.list('r1', 'demo', 'networks'),
  namespaces: kubeKeys.list('r1', 'demo', 'namespaces'),
  teamNamespace: kubeKeys.object('r1', 'demo', 'namespaces', 'team-a'),
  teamPods: kubeKeys.list('r1', 'team-a', 'pods'),
  metrics: ['metrics', 'r1', 'demo', 'pod', 'web-1', 900],
} satisfies Record<string, QueryKey>;
type Name = keyof typeof keys;

async function afterWrite(write: Omit<WrittenObjects, 'region'> & { region?: string }) {
  const client = new QueryClient();
  for (const key of Object.values(keys)) client.setQueryData(key, { seeded: true });
  await invalidateAfterWrite(client, { region: 'r1', ...write });
  const touched = (Object.keys(keys) as Name[]).filter((name) => {
    const state = client.getQueryState(keys[name]);
    return state === undefined || state.isInvalidated;
  });
  const removed = (Object.keys(keys) as Name[]).filter(
    (name) => client.getQueryState(keys[name]) === undefined,
  );
  return { touched, removed };
}

describe('invalidateAfterWrite: the one refresh policy after a write', () => {
  it('refreshes the object, its kind lists in its namespace and its dependents, nothing else', async () => {
    const { touched, removed } = await afterWrite({
      kind: requireKind('deployments'),
      namespace: 'demo',
      names: ['web'],
    });
    expect(touched.sort()).toEqual(
      [
        'web',
        'webScale',
        'deployments',
        'deploymentsMatching',
        'pods',
        'replicaSets',
        'events',
      ].sort(),
    );
    expect(removed).toEqual([]);
  });

  it('drops a deleted object and its subresources instead of refetching them', async () => {
    const { touched, removed } = await afterWrite({
      kind: requireKind('deployments'),
      namespace: 'demo',
      names: ['web'],
      deleted: true,
    });
    expect(removed.sort()).toEqual(['web', 'webScale']);
    expect(touched).toContain('deployments');
    expect(touched).not.toContain('api');
  });

  it('a kind without controllers refreshes its lists and the events only', async () => {
    const { touched } = await afterWrite({
      kind: requireKind('configmaps'),
      namespace: 'demo',
      names: ['app-config'],
    });
    expect(touched.sort()).toEqual(['configMaps', 'events']);
  });

  it('reaches lists across namespaces (N4 network column)', async () => {
    const { touched } = await afterWrite({
      kind: requireKind('networks'),
      namespace: 'demo',
      names: ['default-network'],
    });
    expect(touched.sort()).toEqual(['events', 'networks', 'networksEverywhere']);
  });

  it('a namespace: its lists wherever cached, its object, and everything cached inside it', async () => {
    const { touched } = await afterWrite({
      kind: requireKind('namespaces'),
      namespace: 'demo',
      names: ['team-a'],
    });
    expect(touched).toEqual(expect.arrayContaining(['namespaces', 'teamNamespace', 'teamPods']));
    expect(touched).not.toContain('pods');
    expect(touched).not.toContain('deployments');
  });

  it('leaves other regions, the editor base and the metrics alone', async () => {
    const { touched } = await afterWrite({
      kind: requireKind('deployments'),
      namespace: 'demo',
      names: ['web'],
    });
    for (const name of [
      'otherRegion',
      'editorBase',
      'metrics',
      'otherNsDeployments',
      'otherNsPods',
    ] as const) {
      expect(touched).not.toContain(name);
    }
  });
});
