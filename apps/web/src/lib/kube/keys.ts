import type { ListQuery } from './client.ts';

/** The namespace segment of a list across all namespaces (N4 needs every namespace's networks). */
export const ALL_NAMESPACES = '*';

/**
 * Query keys of Kubernetes data: region → namespace → kind (plural) → list or object. The
 * hierarchy is what the refresh policy (refresh.ts) walks, and what a fresh sign-in drops
 * (everything under `all`). Cluster-scoped kinds keep the page's namespace in the key.
 */
export const kubeKeys = {
  all: ['resources'] as const,
  region: (region: string) => [...kubeKeys.all, region] as const,
  namespace: (region: string, namespace: string) =>
    [...kubeKeys.region(region), namespace] as const,
  kind: (region: string, namespace: string, plural: string) =>
    [...kubeKeys.namespace(region, namespace), plural] as const,
  /** The whole list; with a query, one of its selections (the same prefix, so both refresh). */
  list: (region: string, namespace: string, plural: string, query?: ListQuery) =>
    query
      ? ([...kubeKeys.kind(region, namespace, plural), 'list', query] as const)
      : ([...kubeKeys.kind(region, namespace, plural), 'list'] as const),
  /** One object; its subresources (scale) extend this key and refresh with it. */
  object: (region: string, namespace: string, plural: string, name: string) =>
    [...kubeKeys.kind(region, namespace, plural), 'object', name] as const,
  /** The editor's snapshot: out of the refresh policy on purpose (the base of a 3-way merge). */
  editorBase: (region: string, namespace: string, plural: string, name: string) =>
    [...kubeKeys.kind(region, namespace, plural), 'editor', name] as const,
};

/** A key of kubeKeys read back: undefined for keys of other shapes. */
export interface ParsedKubeKey {
  region: string;
  namespace: string;
  plural: string;
  part: string;
  name: string | undefined;
}

export function parseKubeKey(key: readonly unknown[]): ParsedKubeKey | undefined {
  const [root, region, namespace, plural, part, name] = key;
  if (root !== kubeKeys.all[0]) return undefined;
  if (typeof region !== 'string' || typeof namespace !== 'string') return undefined;
  if (typeof plural !== 'string' || typeof part !== 'string') return undefined;
  return { region, namespace, plural, part, name: typeof name === 'string' ? name : undefined };
}
