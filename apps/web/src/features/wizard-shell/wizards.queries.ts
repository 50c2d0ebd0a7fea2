/**
 * Queries and requests of the creation wizards and managers, over lib/kube's client. Their keys
 * live under kubeKeys, so the one refresh policy after writes (lib/kube/refresh.ts) reaches them.
 */
import { queryOptions } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { ApiError } from '../../lib/kube/http.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import type { KubeList, KubeObject } from '../../lib/kube/objects.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';

/** While a job runs the screen follows the server closely; the emulator settles in seconds. */
export const JOB_POLL_MS = 1_000;

export const wizardKeys = {
  /** The object's key, one level deeper: a null (404) answer never mixes with a detail query. */
  object: (region: string, plural: ResourcePlural, namespace: string, name: string) =>
    [...kubeKeys.object(region, namespace, plural, name), 'maybe'] as const,
  contents: (region: string, namespace: string) =>
    [...kubeKeys.namespace(region, namespace), 'contents', 'list'] as const,
};

/** Kinds a namespace can hold that the console lists (shown before deleting it). */
export const namespacedPlurals = [
  'deployments',
  'pods',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'networks',
  'eippools',
  'persistentvolumeclaims',
  'configmaps',
  'secrets',
] as const satisfies readonly ResourcePlural[];

export type NamespaceContents = { plural: (typeof namespacedPlurals)[number]; names: string[] }[];

export const wizardQueries = {
  /** One object, or null when it does not exist (404): the wizards branch on absence. */
  object: (
    region: string,
    plural: ResourcePlural,
    namespace: string,
    name: string,
    pollMs: number | false = JOB_POLL_MS,
  ) =>
    queryOptions({
      queryKey: wizardKeys.object(region, plural, namespace, name),
      queryFn: ({ signal }) => kube.find(kindOf(plural), { namespace, name }, { signal }),
      refetchInterval: pollMs,
    }),
  /** Everything a namespace holds, by kind (the delete confirmation lists it). */
  contents: (region: string, namespace: string) =>
    queryOptions({
      queryKey: wizardKeys.contents(region, namespace),
      queryFn: async ({ signal }): Promise<NamespaceContents> => {
        const lists = await Promise.all(
          namespacedPlurals.map((plural) =>
            kube.list(kindOf(plural), namespace, { signal }).catch(
              (): KubeList => ({ items: [] }), // a kind we may not list: nothing to show
            ),
          ),
        );
        return namespacedPlurals
          .map((plural, i) => ({
            plural,
            names: (lists[i]?.items ?? []).map((o) => o.metadata.name),
          }))
          .filter((entry) => entry.names.length > 0);
      },
    }),
};

export function createObject(
  plural: ResourcePlural,
  namespace: string | undefined,
  body: Record<string, unknown>,
  dryRun = false,
): Promise<KubeObject> {
  return kube.create(kindOf(plural), namespace, body, { dryRun });
}

export function replaceObject(
  plural: ResourcePlural,
  namespace: string | undefined,
  body: KubeObject,
): Promise<KubeObject> {
  return kube.replace(kindOf(plural), { namespace, name: body.metadata.name }, body);
}

/** Deleting what is already gone is fine: the wizards only want it absent. */
export async function deleteObject(
  plural: ResourcePlural,
  namespace: string | undefined,
  name: string,
): Promise<void> {
  try {
    await kube.delete(kindOf(plural), { namespace, name });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

/** Waits until GET answers 404 (deletion with finalizers takes a moment). */
export async function waitUntilGone(
  plural: ResourcePlural,
  namespace: string | undefined,
  name: string,
  attempts = 40,
  intervalMs = 500,
): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    if ((await kube.find(kindOf(plural), { namespace, name })) === null) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

export interface DryRunResult {
  ok: boolean;
  /** The server's reasons (admission causes, in the UI language when the BFF sent both). */
  messages: string[];
}

/**
 * Server-side validation without creating anything (dryRun=All): what only the server knows,
 * such as which EIPs a NAT gateway or load balancer holds (E3), is checked as the user types.
 */
export function dryRunQuery(
  region: string,
  plural: ResourcePlural,
  namespace: string | undefined,
  doc: Record<string, unknown>,
  language: 'en' | 'zh-CN',
) {
  return queryOptions({
    queryKey: [...kubeKeys.kind(region, namespace ?? '', plural), 'dryRun', doc] as const,
    queryFn: async (): Promise<DryRunResult> => {
      try {
        await createObject(plural, namespace, doc, true);
        return { ok: true, messages: [] };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        const causes = error.body?.details?.causes ?? [];
        const messages = causes.map((c) => c.messages?.[language] ?? c.message ?? '');
        return {
          ok: false,
          messages: messages.length > 0 ? messages : [error.localized(language)],
        };
      }
    },
    staleTime: 10_000,
  });
}
