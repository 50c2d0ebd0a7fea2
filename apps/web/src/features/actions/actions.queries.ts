import { formatSelectorObject } from '@cci/model';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { requireKind } from '../../lib/kube/kinds.ts';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { kubeQueries } from '../../lib/kube/queries.ts';
import { invalidateAfterWrite, type WrittenObjects } from '../../lib/kube/refresh.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';
import { deleteEach, deleteOptionsFor } from './deletion.ts';

/**
 * Queries and mutations of the object actions (delete, labels, scale, rollout undo). After a
 * write, lib/kube's refresh policy refreshes the object, its lists and its dependents.
 */
export interface Scale {
  spec: { replicas?: number };
  status: { replicas?: number; selector?: string };
  metadata: { resourceVersion?: string };
}

export const actionKeys = {
  all: ['actions'] as const,
  /** Under the object's key: the refresh policy reaches it with the object. */
  scale: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    [...kubeKeys.object(region, namespace, plural, name), 'scale'] as const,
};

export const actionQueries = {
  scale: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    queryOptions({
      queryKey: actionKeys.scale(region, plural, namespace, name),
      queryFn: ({ signal }) =>
        kube.get<Scale>(kindOf(plural), { namespace, name, subresource: 'scale' }, { signal }),
    }),
  /** Resolves a selector on the server, so the confirmation lists exactly what it matches. */
  matching: (region: string, plural: ResourcePlural, namespace: string, selector: string) =>
    queryOptions({
      ...kubeQueries.list(region, kindOf(plural), namespace, { labelSelector: selector }),
      refetchInterval: false,
      staleTime: 0,
    }),
  /** The Deployment's ReplicaSets, found by its selector (ownership is checked in rollback.ts). */
  replicaSets: (region: string, deployment: KubeObject) => {
    const namespace = deployment.metadata.namespace ?? '';
    const selector = formatSelectorObject(
      (deployment.spec?.['selector'] ?? {}) as Parameters<typeof formatSelectorObject>[0],
    );
    return queryOptions({
      ...kubeQueries.list(region, requireKind('replicasets'), namespace, {
        labelSelector: selector || undefined,
      }),
      refetchInterval: false,
      staleTime: 0,
    });
  },
};

export interface ActionTarget {
  region: string;
  plural: ResourcePlural;
  namespace: string;
}

const written = (target: ActionTarget, names: readonly string[], deleted = false) => ({
  region: target.region,
  kind: kindOf(target.plural),
  namespace: target.namespace,
  names,
  deleted,
});

/** Not awaited: the dialog closes on the answer; the screens refresh behind it. */
const refresh = (client: QueryClient, write: WrittenObjects) => {
  void invalidateAfterWrite(client, write);
};

const at = (target: ActionTarget, name: string, object?: KubeObject) => ({
  namespace: object?.metadata.namespace ?? target.namespace,
  name,
});

export const actionMutations = {
  deleteObjects: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'delete', target.region, target.plural, target.namespace],
      mutationFn: (objects: readonly KubeObject[]) =>
        deleteEach(objects, (object) =>
          kube.delete(kindOf(target.plural), at(target, object.metadata.name, object), {
            body: deleteOptionsFor(object),
          }),
        ),
      onSuccess: (outcome) => refresh(client, written(target, outcome.deleted, true)),
    }),
  patchLabels: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'labels', target.region, target.plural, target.namespace],
      mutationFn: ({ object, patch }: { object: KubeObject; patch: object }) =>
        kube.patch<KubeObject>(
          kindOf(target.plural),
          at(target, object.metadata.name, object),
          patch,
          'merge',
        ),
      onSuccess: (object) => refresh(client, written(target, [object.metadata.name])),
    }),
  /** `kubectl scale`: a merge patch of the scale subresource. */
  scale: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'scale', target.region, target.plural, target.namespace],
      mutationFn: ({ name, replicas }: { name: string; replicas: number }) =>
        kube.patch<Scale>(
          kindOf(target.plural),
          { ...at(target, name), subresource: 'scale' },
          { spec: { replicas } },
          'merge',
        ),
      onSuccess: (_scale, { name }) => refresh(client, written(target, [name])),
    }),
  rollback: (client: QueryClient, target: ActionTarget) =>
    mutationOptions({
      mutationKey: [...actionKeys.all, 'rollback', target.region, target.namespace],
      mutationFn: ({ name, patch }: { name: string; patch: object[] }) =>
        kube.patch<KubeObject>(kindOf('deployments'), at(target, name), patch, 'json'),
      onSuccess: (object) => refresh(client, written(target, [object.metadata.name])),
    }),
};
