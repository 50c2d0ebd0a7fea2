import type { QueryClient } from '@tanstack/react-query';
import { resourceQueries } from '../resources/resources.queries.ts';
import { rememberedNamespaces } from '../frame/recentNamespaces.ts';

/**
 * Where a fresh sign-in lands: the first namespace listed; when listing is forbidden, the last
 * namespace used in this browser, else 'default'.
 */
export async function landingPath(queryClient: QueryClient, region: string): Promise<string> {
  let namespace: string | undefined;
  try {
    const list = await queryClient.fetchQuery(resourceQueries.list(region, 'namespaces', '-'));
    namespace = list.items[0]?.metadata.name;
  } catch {
    namespace = rememberedNamespaces()[0];
  }
  return namespacePath(region, namespace ?? 'default', 'pods');
}

export function namespacePath(region: string, namespace: string, resource: string): string {
  return `/r/${encodeURIComponent(region)}/ns/${encodeURIComponent(namespace)}/${resource}`;
}

/** A redirect target from the query string is only followed when it stays inside the app. */
export function safeRedirect(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  if (target.startsWith('/login')) return undefined;
  return target;
}
