import { formatSelectorObject, kinds, resourcePath } from '@cci/model';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/http.ts';
import type { KubeList, KubeObject } from '../resources/objects.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';
import { cciPath, resourceKeys } from '../resources/resources.queries.ts';
import { deleteEach, deleteOptionsFor } from './deletion.ts';

/**
 * Queries and mutations of the object actions (delete, labels, scale, rollout undo). Lists follow
 * changes through the live stream on their own; what the stream does not carry (details, the
 * scale view, revisions, lists of unwatchable kinds such as image snapshots, S4) is invalidated.
 */
export interface Scale {
  spec: { replicas?: number };
  status: { replicas?: number; selector?: string };
  metadata: { resourceVersion?: string };
}

function replicaSetsPath(namespace: string, selector: string | undefined): string {
  const kind = kinds.find((k) => k.group === 'apps' && k.plural === 'replicasets');
  if (!kind) throw new Error('@cci/model has no apps ReplicaSet kind');
  const query = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
  return `/api/cci${resourcePath(kind, { namespace })}${query}`;
}

function objectPath(plural: ResourcePlural, object: KubeObject, namespace: string): string {
  return cciPath(plural, object.metadata.namespace ?? namespace, object.metadata.name);
}

function scalePath(plural: ResourcePlural, namespace: string, name: string): string {
  return `/api/cci${resourcePath(kindOf(plural), { namespace, name, subresource: 'scale' })}`;
}

export const actionKeys = {
  all: ['actions'] as const,
  /** Under the object's detail key: invalidating the detail refreshes these too. */
  scale: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    [...resourceKeys.detail(region, plural, namespace, name), 'scale'] as const,
  revisions: (region: string, namespace: string, name: string) =>
    [...resourceKeys.detail(region, 'deployments', namespace, name), 'revisions'] as const,
  matching: (region: string, plural: ResourcePlural, namespace: string, selector: string) =>
    [...resourceKeys.region(region), plural, namespace, 'matching', selector] as const,
};

export const actionQueries = {
  scale: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    queryOptions({
      queryKey: actionKeys.scale(region, plural, namespace, name),
      queryFn: ({ signal }) => apiFetch<Scale>(scalePath(plural, namespace, name), { signal }),
    }),
  /** Resolves a selector on the server, so the confirmation lists exactly what it matches. */
  matching: (region: string, plural: ResourcePlural, namespace: string, selector: string) =>
    queryOptions({
      queryKey: actionKeys.matching(region, plural, namespace, selector),
      queryFn: ({ signal }) =>
        apiFetch<KubeList>(
          `${cciPath(plural, namespace)}?labelSelector=${encodeURIComponent(selector)}`,
          { signal },
        ),
      staleTime: 0,
    }),
  /** The Deployment's ReplicaSets, found by its selector (ownership is checked in rollback.ts). */
  replicaSets: (region: string, deployment: KubeObject) => {
    const namespace = deployment.metadata.namespace ?? '';
    const selector = formatSelectorObject(
      (deployment.spec?.['selector'] ?? {}) as Parameters<typeof formatSelectorObject>[0],
    );
    return queryOptions({
      queryKey: actionKeys.revisions(region, namespace, deployment.metadata.name),
      queryFn: ({ signal }) => apiFetch<KubeList>(replicaSetsPath(namespace, selector), { signal }),
      staleTime: 0,
    });
  },
};

export interface ActionTarget {
  region: string;
  plural: ResourcePlural;
  namespace: string;
}

/** After a write: the object's detail (and its scale/revisions), and lists the stream misses. */
function refreshAfterWrite(
  client: QueryClient,
  target: ActionTarget,
  names: readonly string[],
): void {
  for (const name of names) {
    void client.invalidateQueries({
      queryKey: resourceKeys.detail(target.region, target.plural, target.namespace, name),
    });
  }
  if (!kindOf(target.plural).supportsWatch) {
    void client.invalidateQueries({
      queryKey: resourceKeys.list(target.region, target.plural, target.namespace),
    });
  }
}

export const actionMutations = {
  deleteObjects: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'delete', target.region, target.plural, target.namespace],
      mutationFn: (objects: readonly KubeObject[]) =>
        deleteEach(objects, (object) =>
          apiFetch(objectPath(target.plural, object, target.namespace), {
            method: 'DELETE',
            body: deleteOptionsFor(object),
          }),
        ),
      onSuccess: (outcome) => {
        // Deleted objects have no detail to refetch (it would only 404).
        for (const name of outcome.deleted) {
          client.removeQueries({
            queryKey: resourceKeys.detail(target.region, target.plural, target.namespace, name),
          });
        }
        refreshAfterWrite(client, target, []);
      },
    }),
  patchLabels: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'labels', target.region, target.plural, target.namespace],
      mutationFn: ({ object, patch }: { object: KubeObject; patch: object }) =>
        apiFetch<KubeObject>(objectPath(target.plural, object, target.namespace), {
          method: 'PATCH',
          body: patch,
          contentType: 'application/merge-patch+json',
        }),
      onSuccess: (object) => refreshAfterWrite(client, target, [object.metadata.name]),
    }),
  /** `kubectl scale`: a merge patch of the scale subresource. */
  scale: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'scale', target.region, target.plural, target.namespace],
      mutationFn: ({ name, replicas }: { name: string; replicas: number }) =>
        apiFetch<Scale>(scalePath(target.plural, target.namespace, name), {
          method: 'PATCH',
          body: { spec: { replicas } },
          contentType: 'application/merge-patch+json',
        }),
      onSuccess: (_scale, { name }) => refreshAfterWrite(client, target, [name]),
    }),
  rollback: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'rollback', target.region, target.namespace],
      mutationFn: ({ name, patch }: { name: string; patch: object[] }) =>
        apiFetch<KubeObject>(cciPath('deployments', target.namespace, name), {
          method: 'PATCH',
          body: patch,
          contentType: 'application/json-patch+json',
        }),
      onSuccess: (object) => refreshAfterWrite(client, target, [object.metadata.name]),
    }),
};
