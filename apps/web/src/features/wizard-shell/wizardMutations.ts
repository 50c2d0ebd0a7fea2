/**
 * The writes of the wizards and managers as TanStack Query mutation options: each refreshes the
 * region's lists once it succeeds (the mutation settles only after that), so the screen the
 * wizard returns to already shows what was made.
 */
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { ApiError, type StatusBody } from '../../api/http.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { KubeObject } from '../resources/objects.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import { resourceKeys } from '../resources/resources.queries.ts';
import { createObject, deleteObject, replaceObject } from './wizards.queries.ts';

interface Target {
  region: string;
  plural: ResourcePlural;
  /** Absent for cluster-scoped kinds. */
  namespace: string | undefined;
}

const refresh = (queryClient: QueryClient, region: string) => () =>
  queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });

export const wizardMutations = {
  create: (queryClient: QueryClient, { region, plural, namespace }: Target) =>
    mutationOptions({
      mutationKey: [...resourceKeys.region(region), plural, 'create'],
      mutationFn: (doc: Record<string, unknown>) => createObject(plural, namespace, doc),
      onSuccess: refresh(queryClient, region),
    }),
  replace: (queryClient: QueryClient, { region, plural, namespace }: Target) =>
    mutationOptions({
      mutationKey: [...resourceKeys.region(region), plural, 'replace'],
      mutationFn: (doc: KubeObject) => replaceObject(plural, namespace, doc),
      onSuccess: refresh(queryClient, region),
    }),
  delete: (queryClient: QueryClient, { region, plural, namespace }: Target) =>
    mutationOptions({
      mutationKey: [...resourceKeys.region(region), plural, 'delete'],
      mutationFn: (name: string) => deleteObject(plural, namespace, name),
      onSuccess: refresh(queryClient, region),
    }),
};

/** A failed write, as the operator reads it: the server's message in the UI language. */
export function errorText(error: unknown, language: Language): string | undefined {
  if (error === null || error === undefined) return undefined;
  return error instanceof ApiError ? error.localized(language) : String(error);
}

/** The Kubernetes Status a refused write came with (its causes name the fields). */
export function statusOf(error: unknown): StatusBody | undefined {
  return error instanceof ApiError ? error.body : undefined;
}
