import { kinds, type KindDescriptor, type Verb } from '@cci/model';
import type { UpstreamRequest } from '../upstream/types.ts';

/*
 * The property tests' judge of upstream calls: what the console may call, built from the kinds
 * table on its own (regular expressions per kind and verb), not from the proxy's allow-list code.
 */
const label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const name = `${label}(\\.${label})*`;
const esc = (s: string) => s.replace(/[.]/g, '\\.');

interface OracleRule {
  method: string;
  path: RegExp;
  verb: Verb | 'discovery';
  operation: string;
  kind?: KindDescriptor;
}

function oracleRules(): OracleRule[] {
  const rules: OracleRule[] = [];
  const discovery = ['/version', '/api', '/apis', '/openapi/v2'];
  for (const k of kinds) {
    discovery.push(k.group === '' ? `/api/${k.version}` : `/apis/${k.group}/${k.version}`);
  }
  for (const d of discovery) {
    rules.push({
      method: 'GET',
      path: new RegExp(`^${esc(d)}$`),
      verb: 'discovery',
      operation: 'discovery',
    });
  }
  for (const k of kinds) {
    const base = k.group === '' ? `/api/${k.version}` : `/apis/${esc(k.group)}/${k.version}`;
    const owned = k.namespaced ? `${base}/namespaces/${label}/${k.plural}` : `${base}/${k.plural}`;
    const item = `${owned}/${name}`;
    const add = (method: string, path: string, verb: Verb, operation: string = verb) =>
      rules.push({ method, path: new RegExp(`^${path}$`), verb, operation, kind: k });
    for (const path of [owned, `${base}/${k.plural}`]) {
      add('GET', path, 'list');
      add('GET', path, 'watch');
    }
    add('POST', owned, 'create');
    add('GET', item, 'get');
    add('PUT', item, 'update');
    add('PATCH', item, 'patch');
    add('DELETE', item, 'delete');
    // The one subresource the screens use: read and patch a scale (least privilege).
    if (k.subresources.includes('scale')) {
      add('GET', `${item}/scale`, 'get');
      add('PATCH', `${item}/scale`, 'patch');
    }
  }
  return rules;
}

export const paramsByOperation: Record<string, string[]> = {
  discovery: [],
  get: ['resourceVersion', 'includeObject'],
  list: [
    'labelSelector',
    'fieldSelector',
    'limit',
    'continue',
    'resourceVersion',
    'resourceVersionMatch',
    'timeoutSeconds',
    'includeObject',
    'watch',
  ],
  watch: [
    'labelSelector',
    'fieldSelector',
    'resourceVersion',
    'resourceVersionMatch',
    'timeoutSeconds',
    'includeObject',
    'watch',
    'allowWatchBookmarks',
  ],
  create: ['dryRun', 'fieldManager', 'fieldValidation'],
  update: ['dryRun', 'fieldManager', 'fieldValidation'],
  patch: ['dryRun', 'fieldManager', 'fieldValidation', 'force'],
  delete: ['dryRun', 'propagationPolicy', 'gracePeriodSeconds'],
};

const rules = oracleRules();

/** Why the oracle rejects a call, or undefined when the call is allowed. */
export function oracleViolation(call: UpstreamRequest): string | undefined {
  const params = new URLSearchParams(call.query);
  const watching = ['true', '1'].includes(params.get('watch') ?? '');
  const candidates = rules.filter(
    (r) =>
      r.method === call.method &&
      r.path.test(call.path) &&
      (r.verb === 'watch') === watching &&
      (r.kind === undefined || r.kind.verbs.includes(r.verb as Verb)),
  );
  if (candidates.length === 0) return `no rule for ${call.method} ${call.path} ${call.query}`;
  const fits = candidates.some((r) =>
    [...params.keys()].every(
      (key) =>
        paramsByOperation[r.operation]?.includes(key) &&
        (r.kind?.supportsSelectors !== false || !key.endsWith('Selector')),
    ),
  );
  if (!fits) return `query not allowed: ${call.method} ${call.path}?${call.query}`;
  const leaked = Object.keys(call.headers).filter((h) =>
    ['cookie', 'authorization', 'x-auth-token', 'host', 'x-forwarded-for'].includes(
      h.toLowerCase(),
    ),
  );
  if (leaked.length > 0) return `browser headers forwarded: ${leaked.join(',')}`;
  if (/[^A-Za-z0-9\-._~:/]/.test(call.path)) return `non-canonical path ${call.path}`;
  if (/(^|\/)\.\.?(\/|$)|\/\//.test(call.path)) return `dot or empty segment in ${call.path}`;
  return undefined;
}
