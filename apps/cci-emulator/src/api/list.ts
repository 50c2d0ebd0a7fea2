import { apiVersionOf, type KindDescriptor, type StatusCause } from '@cci/model';
import { errors } from '../http/errors.ts';
import { pageAt } from '../store/snapshot.ts';
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
  /** The list's resourceVersion: every page is served as the store stood then. */
  rv?: number;
}

function decodeContinue(token: string): ContinueState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueState;
    if (typeof state.k !== 'string') throw new Error('bad');
    if (state.rv !== undefined && !Number.isSafeInteger(state.rv)) throw new Error('bad');
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
  const state = token ? decodeContinue(token) : undefined;
  const atRv = state?.rv ?? requestedVersion(ctx, query, token);
  const current = ctx.store.resourceVersion;
  const ns = kind.namespaced ? namespace : undefined;

  const page =
    atRv === undefined
      ? ctx.store.page(kind.storageKey, ns, state?.k, limit, matches)
      : pageAt(ctx.store, kind.storageKey, ns, atRv, state?.k, limit, matches);
  if (page === 'expired') {
    throw errors.gone(
      token
        ? 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'
        : 'The resourceVersion for the provided list is too old.',
    );
  }
  if ('tooLarge' in page) throw errors.tooLargeResourceVersion(atRv ?? 0, page.tooLarge);
  const listRv = atRv ?? current;
  const objects = page.entries.map((e) => e.object);
  const jsons = page.entries.map((e) => inRequestedVersion(kind, e.object, e.json));
  const lastKey = page.entries.at(-1)?.key;
  const remaining = page.remaining;
  const more = remaining > 0 && lastKey !== undefined;
  return {
    objects,
    jsons,
    resourceVersion: String(listRv),
    continueToken: more
      ? Buffer.from(JSON.stringify({ k: lastKey, rv: listRv })).toString('base64url')
      : undefined,
    remainingItemCount: more ? remaining : undefined,
  };
}

/**
 * resourceVersion and resourceVersionMatch as the API server reads them for a list: the
 * version to serve exactly (Exact), or undefined for the current state (unset, "0" and
 * NotOlderThan, which the current state always satisfies once it has reached the version).
 */
function requestedVersion(
  ctx: ApiContext,
  query: URLSearchParams,
  token: string | null,
): number | undefined {
  const rvText = query.get('resourceVersion') ?? '';
  const match = query.get('resourceVersionMatch') ?? '';
  const causes: StatusCause[] = [];
  const forbid = (message: string) =>
    causes.push({
      reason: 'FieldValueForbidden',
      field: 'resourceVersionMatch',
      message: `Forbidden: ${message}`,
    });
  if (match !== '') {
    if (rvText === '')
      forbid('resourceVersionMatch is forbidden unless resourceVersion is provided');
    if (token) forbid('resourceVersionMatch is forbidden when continue is provided');
    if (match !== 'Exact' && match !== 'NotOlderThan')
      causes.push({
        reason: 'FieldValueNotSupported',
        field: 'resourceVersionMatch',
        message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""`,
      });
    if (match === 'Exact' && rvText === '0')
      forbid('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
  }
  if (causes.length > 0) throw errors.invalidListOptions(causes);
  if (rvText === '' || rvText === '0') return undefined;
  const rv = Number(rvText);
  if (!Number.isSafeInteger(rv) || rv < 0)
    throw errors.badRequest(`invalid resource version "${rvText}": it must be a number`);
  const current = ctx.store.resourceVersion;
  if (rv > current) throw errors.tooLargeResourceVersion(rv, current);
  return match === 'Exact' ? rv : undefined;
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
