/**
 * The writes of the wizards and managers as TanStack Query mutation options: each refreshes what
 * it touched (lib/kube's refresh policy) once it succeeds (the mutation settles only after that),
 * so the screen the wizard returns to already shows what was made.
 */
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { Language } from '../../i18n/i18n.ts';
import type { Status } from '@cci/model';
import { ApiError } from '../../lib/kube/http.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { invalidateAfterWrite } from '../../lib/kube/refresh.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';
import { createObject, deleteObject, replaceObject } from './wizards.queries.ts';

interface Target {
  region: string;
  plural: ResourcePlural;
  /** Absent for cluster-scoped kinds. */
  namespace: string | undefined;
}

function refresh(queryClient: QueryClient, target: Target, name: string, deleted = false) {
  return invalidateAfterWrite(queryClient, {
    region: target.region,
    kind: kindOf(target.plural),
    namespace: target.namespace ?? '',
    names: [name],
    deleted,
  });
}

const mutationKey = ({ region, plural, namespace }: Target, verb: string) =>
  [...kubeKeys.kind(region, namespace ?? '', plural), verb] as const;

export const wizardMutations = {
  create: (queryClient: QueryClient, target: Target) =>
    mutationOptions({
      mutationKey: mutationKey(target, 'create'),
      mutationFn: (doc: Record<string, unknown>) =>
        createObject(target.plural, target.namespace, doc),
      onSuccess: (created) => refresh(queryClient, target, created.metadata.name),
    }),
  replace: (queryClient: QueryClient, target: Target) =>
    mutationOptions({
      mutationKey: mutationKey(target, 'replace'),
      mutationFn: (doc: KubeObject) => replaceObject(target.plural, target.namespace, doc),
      onSuccess: (replaced) => refresh(queryClient, target, replaced.metadata.name),
    }),
  delete: (queryClient: QueryClient, target: Target) =>
    mutationOptions({
      mutationKey: mutationKey(target, 'delete'),
      mutationFn: (name: string) => deleteObject(target.plural, target.namespace, name),
      onSuccess: (_done, name) => refresh(queryClient, target, name, true),
    }),
};

/** A failed write, as the operator reads it: the server's message in the UI language. */
export function errorText(error: unknown, language: Language): string | undefined {
  if (error === null || error === undefined) return undefined;
  return error instanceof ApiError ? error.localized(language) : String(error);
}

/** The Kubernetes Status a refused write came with (its causes name the fields). */
export function statusOf(error: unknown): Partial<Status> | undefined {
  return error instanceof ApiError ? error.body : undefined;
}
