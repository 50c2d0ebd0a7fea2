/**
 * The one client of the Kubernetes API in the web app: every read and write of an object goes
 * through here, to the BFF's allow-listed proxy. URLs are built in one place (`kubePath`) from
 * @cci/model's `resourcePath`; objects are typed by the caller (`T extends KubeObject`), so the
 * typed kinds of @cci/model slot in without touching the transport.
 */
import { isCustomKind, resourcePath, type KindDescriptor, type Subresource } from '@cci/model';
import { ApiError, apiFetch, type ApiRequest } from './http.ts';
import type { KubeList, KubeObject } from './objects.ts';

/** The transport: apiFetch in the app, a recorder in tests. */
export type Fetcher = <T>(path: string, request?: ApiRequest) => Promise<T>;

export interface KubeLocation {
  namespace?: string | undefined;
  name?: string | undefined;
  subresource?: Subresource | undefined;
}

export interface ListQuery {
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
}

interface Signal {
  signal?: AbortSignal | undefined;
}

export interface WriteOptions {
  /** `?dryRun=All`: the server validates and admits, nothing is stored. */
  dryRun?: boolean;
}

/** merge: RFC 7386; strategic: Kubernetes' list-aware merge (built-in kinds only); json: RFC 6902. */
export type PatchType = 'merge' | 'strategic' | 'json';

const patchContentType: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/** The only place a proxy URL is written: `/api/cci` + the Kubernetes path + query. */
export function kubePath(
  kind: KindDescriptor,
  location: KubeLocation = {},
  query: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return `/api/cci${resourcePath(kind, location)}${text ? `?${text}` : ''}`;
}

/** Custom resources (Network, EIPPool, ImageSnapshot) have no strategic-merge schema. */
export function applyPatchType(kind: KindDescriptor): PatchType {
  return isCustomKind(kind) ? 'merge' : 'strategic';
}

const dryRunQuery = (options: WriteOptions | undefined) => ({
  dryRun: options?.dryRun ? 'All' : undefined,
});

export interface ApplyOptions<T> extends WriteOptions {
  /** What the server holds, when the caller read it already; null: known to be absent. */
  previous?: T | null;
}

export function createKubeClient(fetcher: Fetcher = apiFetch) {
  const client = {
    get: <T = KubeObject>(
      kind: KindDescriptor,
      location: KubeLocation & { name: string },
      options: Signal = {},
    ) => fetcher<T>(kubePath(kind, location), { signal: options.signal }),

    /** One object, or null when the server answers 404. */
    find: async <T = KubeObject>(
      kind: KindDescriptor,
      location: KubeLocation & { name: string },
      options: Signal = {},
    ): Promise<T | null> => {
      try {
        return await client.get<T>(kind, location, options);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },

    list: <T extends KubeObject = KubeObject>(
      kind: KindDescriptor,
      namespace: string | undefined,
      options: ListQuery & Signal = {},
    ) =>
      fetcher<KubeList<T>>(
        kubePath(
          kind,
          { namespace },
          { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
        ),
        { signal: options.signal },
      ),

    create: <T extends KubeObject = KubeObject>(
      kind: KindDescriptor,
      namespace: string | undefined,
      body: unknown,
      options?: WriteOptions,
    ) => fetcher<T>(kubePath(kind, { namespace }, dryRunQuery(options)), { method: 'POST', body }),

    /** PUT: with a resourceVersion in the body, a stale edit answers 409 instead of winning. */
    replace: <T extends KubeObject = KubeObject>(
      kind: KindDescriptor,
      location: KubeLocation & { name: string },
      body: unknown,
      options?: WriteOptions,
    ) => fetcher<T>(kubePath(kind, location, dryRunQuery(options)), { method: 'PUT', body }),

    patch: <T = KubeObject>(
      kind: KindDescriptor,
      location: KubeLocation & { name: string },
      patch: unknown,
      type: PatchType,
      options?: WriteOptions,
    ) =>
      fetcher<T>(kubePath(kind, location, dryRunQuery(options)), {
        method: 'PATCH',
        body: patch,
        contentType: patchContentType[type],
      }),

    /** `body`: DeleteOptions (propagation policy, preconditions). */
    delete: <T = unknown>(
      kind: KindDescriptor,
      location: KubeLocation & { name: string },
      options: WriteOptions & { body?: unknown } = {},
    ) =>
      fetcher<T>(kubePath(kind, location, dryRunQuery(options)), {
        method: 'DELETE',
        body: options.body,
      }),

    /**
     * `kubectl apply` of one object: created when absent; replaced (PUT) when the body carries
     * a resourceVersion, so an edit of an older version answers 409; otherwise patched (strategic
     * merge for built-in kinds, merge patch for custom ones).
     */
    apply: async <T extends KubeObject = KubeObject>(
      kind: KindDescriptor,
      body: T,
      options: ApplyOptions<T> = {},
    ): Promise<{ previous: T | null; object: T }> => {
      const location = { namespace: body.metadata.namespace, name: body.metadata.name };
      const previous =
        options.previous === undefined ? await client.find<T>(kind, location) : options.previous;
      if (previous === null) {
        return {
          previous,
          object: await client.create<T>(kind, location.namespace, body, options),
        };
      }
      const object =
        body.metadata['resourceVersion'] !== undefined
          ? await client.replace<T>(kind, location, body, options)
          : await client.patch<T>(kind, location, body, applyPatchType(kind), options);
      return { previous, object };
    },
  };
  return client;
}

export type KubeClient = ReturnType<typeof createKubeClient>;

/** The app's client, over apiFetch (401 → sign in again, CSRF header, reachability). */
export const kube: KubeClient = createKubeClient();
