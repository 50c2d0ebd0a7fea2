import type { KindDescriptor } from '@cci/model';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ALL_NAMESPACES, parseKubeKey } from './keys.ts';

/**
 * The one refresh policy after a write (actions, the editor's apply, the wizards): what a
 * change to an object can have changed, and nothing else.
 * - the object itself (and its subresources, e.g. scale), removed instead when it was deleted;
 * - its kind's lists in its namespace (every selection of them, and lists across namespaces);
 * - its dependents' lists there: what its controllers create or change (a Deployment's
 *   ReplicaSets and Pods, a Service's Endpoints), and the namespace's events;
 * - for a Namespace, everything cached under it.
 * Live lists (fed by the stream) answer an invalidation from the cache: no extra request.
 */
export interface WrittenObjects {
  region: string;
  kind: KindDescriptor;
  /** The namespace of the objects (for a cluster-scoped kind: ignored). */
  namespace: string;
  names: readonly string[];
  /** Deleted: their object queries are dropped (a refetch would only answer 404). */
  deleted?: boolean;
}

/** Kinds whose objects a write of the key's kind creates or changes through controllers. */
const dependentsOf: Readonly<Record<string, readonly string[]>> = {
  deployments: ['replicasets', 'pods'],
  replicasets: ['pods'],
  jobs: ['pods'],
  cronjobs: ['jobs', 'pods'],
  services: ['endpoints'],
  pods: ['endpoints'],
};

export function dependentPlurals(plural: string): readonly string[] {
  return [...(dependentsOf[plural] ?? []), 'events'];
}

type Effect = 'object' | 'refresh' | undefined;

/** What a write does to the query of this key: its object (drop or refresh), a list to refresh. */
export function effectOfWrite(write: WrittenObjects, queryKey: QueryKey): Effect {
  const key = parseKubeKey(queryKey);
  if (!key || key.region !== write.region) return undefined;
  const { kind, names } = write;
  if (kind.plural === 'namespaces' && names.includes(key.namespace)) return 'refresh';
  const sameNamespace = !kind.namespaced || key.namespace === write.namespace;
  if (key.plural === kind.plural) {
    if (key.part === 'object' && key.name !== undefined && names.includes(key.name)) {
      return sameNamespace ? 'object' : undefined;
    }
    if (key.part === 'list' && (sameNamespace || key.namespace === ALL_NAMESPACES)) {
      return 'refresh';
    }
    return undefined;
  }
  if (key.part === 'list' && sameNamespace && dependentPlurals(kind.plural).includes(key.plural)) {
    return 'refresh';
  }
  return undefined;
}

export async function invalidateAfterWrite(
  queryClient: QueryClient,
  write: WrittenObjects,
): Promise<void> {
  if (write.deleted) {
    queryClient.removeQueries({
      predicate: (query) => effectOfWrite(write, query.queryKey) === 'object',
    });
  }
  await queryClient.invalidateQueries({
    predicate: (query) => effectOfWrite(write, query.queryKey) !== undefined,
  });
}
