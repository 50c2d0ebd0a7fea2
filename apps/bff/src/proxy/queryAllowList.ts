import type { Message, Params } from '../messages.ts';
import { proxyMessages as msg } from './messages.ts';

/**
 * Which query parameters each kind of proxied request may carry, and what their values may look
 * like. Anything else is refused, so an unexpected parameter never changes an upstream request.
 */
export type Operation =
  'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'discovery';

type ValueCheck = (value: string) => boolean;

const oneOf =
  (...values: string[]): ValueCheck =>
  (v) =>
    values.includes(v);
const matches =
  (pattern: RegExp): ValueCheck =>
  (v) =>
    pattern.test(v);
const count = matches(/^\d{1,10}$/);
const bool = oneOf('true', 'false');
const selector = matches(/^[\x20-\x7e]{0,4096}$/);
const token = matches(/^[\x21-\x7e]{1,4096}$/);

const checks: Record<string, ValueCheck> = {
  labelSelector: selector,
  fieldSelector: selector,
  limit: count,
  continue: token,
  resourceVersion: matches(/^\d{0,20}$/),
  resourceVersionMatch: oneOf('NotOlderThan', 'Exact'),
  timeoutSeconds: count,
  includeObject: oneOf('None', 'Metadata', 'Object'),
  allowWatchBookmarks: bool,
  dryRun: oneOf('All'),
  fieldManager: matches(/^[\x21-\x7e]{1,128}$/),
  fieldValidation: oneOf('Ignore', 'Warn', 'Strict'),
  force: bool,
  propagationPolicy: oneOf('Orphan', 'Background', 'Foreground'),
  gracePeriodSeconds: count,
};

const writeParams = ['dryRun', 'fieldManager', 'fieldValidation'];

export const allowedParams: Record<Operation, readonly string[]> = {
  get: ['resourceVersion', 'includeObject'],
  list: [
    'watch',
    'labelSelector',
    'fieldSelector',
    'limit',
    'continue',
    'resourceVersion',
    'resourceVersionMatch',
    'timeoutSeconds',
    'includeObject',
  ],
  watch: [
    'watch',
    'labelSelector',
    'fieldSelector',
    'resourceVersion',
    'resourceVersionMatch',
    'allowWatchBookmarks',
    'timeoutSeconds',
    'includeObject',
  ],
  create: writeParams,
  update: writeParams,
  patch: [...writeParams, 'force'],
  delete: ['dryRun', 'propagationPolicy', 'gracePeriodSeconds'],
  discovery: [],
};

export interface Problem {
  message: Message;
  params?: Params;
}

export type ParsedQuery = { ok: true; entries: [string, string][] } | ({ ok: false } & Problem);

/** Splits a raw query string ('+' is a space, as in forms); refuses malformed escapes. */
export function parseQuery(raw: string): ParsedQuery {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawKey = eq === -1 ? piece : piece.slice(0, eq);
    const rawValue = eq === -1 ? '' : piece.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return { ok: false, message: msg.queryMalformed };
    }
    if (seen.has(key))
      return { ok: false, message: msg.queryRepeated, params: { param: key.slice(0, 64) } };
    seen.add(key);
    entries.push([key, value]);
  }
  return { ok: true, entries };
}

/**
 * Checks each parameter against the operation's list and rebuilds the query string from the
 * decoded values, so what goes upstream is exactly what was checked.
 */
export function checkQuery(
  operation: Operation,
  entries: readonly [string, string][],
  options: { selectors: boolean },
): { ok: true; query: string } | ({ ok: false } & Problem) {
  const allowed = allowedParams[operation];
  const out = new URLSearchParams();
  for (const [key, value] of entries) {
    if (!allowed.includes(key)) {
      return {
        ok: false,
        message: msg.queryNotAllowed,
        params: { param: key.slice(0, 64), operation },
      };
    }
    if (!options.selectors && (key === 'labelSelector' || key === 'fieldSelector')) {
      return { ok: false, message: msg.queryNoSelectors, params: { param: key.slice(0, 64) } };
    }
    const check = key === 'watch' ? watchCheck(operation) : checks[key];
    if (!check?.(value)) {
      return { ok: false, message: msg.queryBadValue, params: { param: key.slice(0, 64) } };
    }
    out.append(key, value);
  }
  return { ok: true, query: out.toString() };
}

function watchCheck(operation: Operation): ValueCheck {
  return operation === 'watch' ? oneOf('true', '1') : oneOf('false', '0');
}

/** A GET on a collection is a watch when it says so. */
export function asksForWatch(entries: readonly [string, string][]): boolean {
  return entries.some(([k, v]) => k === 'watch' && (v === 'true' || v === '1'));
}
