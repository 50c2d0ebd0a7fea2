import { apiVersionOf, type KindDescriptor } from '@cci/model';
import { errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import type { ApiContext } from './context.ts';
import { selectionFromQuery } from './selection.ts';

export interface ListPage {
  objects: KubeObject[];
  /** Each object's JSON in the requested apiVersion, for building the body without re-encoding. */
  jsons: string[];
  resourceVersion: string;
  continueToken: string | undefined;
  remainingItemCount: number | undefined;
}

interface ContinueState {
  /** Last key served. */
  k: string;
}

function decodeContinue(token: string): ContinueState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueState;
    if (typeof state.k !== 'string') throw new Error('bad');
    return state;
  } catch {
    throw errors.badRequest(
      'continue key is not valid: the continue token is malformed; restart the list without it',
    );
  }
}

/**
 * An object stored through another version of the same resource (Ingress, CronJob) is served
 * in the requested version; the shapes are identical, only apiVersion differs.
 */
export function inRequestedVersion(kind: KindDescriptor, obj: KubeObject, json: string): string {
  const apiVersion = apiVersionOf(kind);
  return obj.apiVersion === apiVersion ? json : JSON.stringify({ ...obj, apiVersion });
}

export function asRequestedVersion(kind: KindDescriptor, obj: KubeObject): KubeObject {
  const apiVersion = apiVersionOf(kind);
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}

export function listObjects(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  query: URLSearchParams,
  visible?: (obj: KubeObject) => boolean,
): ListPage {
  const matches = both(selectionFromQuery(kind, query), visible);
  const limitText = query.get('limit');
  const limit = limitText ? Number.parseInt(limitText, 10) : 0;
  if (limitText && (!Number.isFinite(limit) || limit < 0))
    throw errors.badRequest(`limit: invalid value "${limitText}": must be a non-negative integer`);
  const token = query.get('continue');
  const after = token ? decodeContinue(token).k : undefined;

  const page = ctx.store.page(
    kind.storageKey,
    kind.namespaced ? namespace : undefined,
    after,
    limit,
    matches,
  );
  const objects = page.entries.map((e) => e.object);
  const jsons = page.entries.map((e) => inRequestedVersion(kind, e.object, e.json));
  const lastKey = page.entries.at(-1)?.key;
  const remaining = page.remaining;
  const more = remaining > 0 && lastKey !== undefined;
  return {
    objects,
    jsons,
    resourceVersion: String(ctx.store.resourceVersion),
    continueToken: more
      ? Buffer.from(JSON.stringify({ k: lastKey })).toString('base64url')
      : undefined,
    remainingItemCount: more ? remaining : undefined,
  };
}

function both(
  a: ((obj: KubeObject) => boolean) | undefined,
  b: ((obj: KubeObject) => boolean) | undefined,
): ((obj: KubeObject) => boolean) | undefined {
  if (!a || !b) return a ?? b;
  return (obj) => a(obj) && b(obj);
}

export function listBody(kind: KindDescriptor, page: ListPage): string {
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken) metadata['continue'] = page.continueToken;
  if (page.remainingItemCount !== undefined)
    metadata['remainingItemCount'] = page.remainingItemCount;
  return `{"kind":${JSON.stringify(`${kind.kind}List`)},"apiVersion":${JSON.stringify(apiVersionOf(kind))},"metadata":${JSON.stringify(metadata)},"items":[${page.jsons.join(',')}]}`;
}
