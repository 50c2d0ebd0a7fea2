import { kinds, type KindDescriptor, type Verb } from '@cci/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyRoutes } from '../routes/proxy.ts';
import type { UpstreamRequest } from '../upstream/types.ts';
import {
  memorySessions,
  mountForTest,
  recordingUpstream,
  testDeps,
  testSession,
} from './testkit.ts';

/*
 * Property: whatever the browser sends, every call that reaches the upstream client is one the
 * kinds table allows. The oracle below is built from the table on its own (regular expressions
 * per kind and verb), not from the proxy's allow-list code.
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
    add('DELETE', owned, 'deletecollection');
    add('GET', item, 'get');
    add('PUT', item, 'update');
    add('PATCH', item, 'patch');
    add('DELETE', item, 'delete');
    for (const sub of k.subresources) {
      if (sub === 'status' || sub === 'scale') {
        add('GET', `${item}/${sub}`, 'get');
        add('PUT', `${item}/${sub}`, 'update');
        add('PATCH', `${item}/${sub}`, 'patch');
      }
      if (sub === 'log') add('GET', `${item}/log`, 'get', 'log');
      if (sub === 'proxy') add('GET', `${item}:[0-9]{1,5}/proxy/metrics`, 'get', 'metrics');
    }
  }
  return rules;
}

const paramsByOperation: Record<string, string[]> = {
  discovery: [],
  metrics: [],
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
  deletecollection: [
    'labelSelector',
    'fieldSelector',
    'dryRun',
    'propagationPolicy',
    'gracePeriodSeconds',
  ],
  log: ['container', 'follow', 'tailLines', 'sinceSeconds', 'limitBytes', 'timestamps', 'previous'],
};

const rules = oracleRules();

/** Why the oracle rejects a call, or undefined when the call is allowed. */
function oracleViolation(call: UpstreamRequest): string | undefined {
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

// --- generators -----------------------------------------------------------------------------

const dnsName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
const kindArb = fc.constantFrom(...kinds);
const collectionOf = (k: KindDescriptor, ns: string) =>
  (k.group === '' ? `/api/${k.version}` : `/apis/${k.group}/${k.version}`) +
  (k.namespaced ? `/namespaces/${ns}` : '') +
  `/${k.plural}`;

const goodRequest = fc
  .tuple(
    kindArb,
    dnsName,
    dnsName,
    fc.constantFrom('list', 'get', 'create', 'patch', 'status', 'log'),
  )
  .map(([k, ns, objName, op]) => {
    const coll = collectionOf(k, ns);
    switch (op) {
      case 'list':
        return { method: 'GET', target: `${coll}?limit=5`, verb: 'list' as Verb, kind: k };
      case 'create':
        return { method: 'POST', target: coll, verb: 'create' as Verb, kind: k };
      case 'patch':
        return { method: 'PATCH', target: `${coll}/${objName}`, verb: 'patch' as Verb, kind: k };
      case 'status':
        return k.subresources.includes('status')
          ? { method: 'GET', target: `${coll}/${objName}/status`, verb: 'get' as Verb, kind: k }
          : { method: 'GET', target: `${coll}/${objName}`, verb: 'get' as Verb, kind: k };
      case 'log':
        return k.subresources.includes('log')
          ? {
              method: 'GET',
              target: `${coll}/${objName}/log?tailLines=10`,
              verb: 'get' as Verb,
              kind: k,
            }
          : { method: 'DELETE', target: `${coll}/${objName}`, verb: 'delete' as Verb, kind: k };
      default:
        return { method: 'GET', target: `${coll}/${objName}`, verb: 'get' as Verb, kind: k };
    }
  });

const tricks = [
  '..',
  '.',
  '',
  '%2e%2e',
  '%2E%2E',
  '%2e',
  '.%2e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '\\',
  '%252e%252e',
  '%252f',
  '%25',
  '%00',
  '%0a',
  '%0d%0a',
  '%7f',
  '%c3%a9',
  'é',
  '\u0000',
  '\t',
  ' ',
  '%20',
  ';',
  'nodes',
  'secrets',
  'v3',
  'auth',
  'tokens',
  'emulator',
  'proxy',
  'metrics',
  'web:19100',
  'web%3A19100',
  'https:web:443',
  'exec',
  'attach',
  'portforward',
  'status',
  'scale',
  'log',
  'namespaces',
  'watch',
  'Web',
  'a.b',
  'a..b',
  '-a',
  'a-',
  '~',
  '%7e',
  '@',
  '$',
  '*',
  "'",
];
const segment = fc.oneof(
  fc.constantFrom(...tricks),
  fc.constantFrom(
    'api',
    'apis',
    'v1',
    'v1beta1',
    'apps',
    'batch',
    'networking.k8s.io',
    'pods',
    'ns',
    'x',
  ),
  fc.string({ maxLength: 6, unit: 'binary' }),
  dnsName,
);
const knownPrefix = fc.oneof(
  fc.constant(''),
  fc.tuple(kindArb, dnsName).map(([k, ns]) => collectionOf(k, ns)),
  fc.tuple(kindArb, dnsName, dnsName).map(([k, ns, n]) => `${collectionOf(k, ns)}/${n}`),
  fc.constant('/api/v1/namespaces/ns/pods/web:19100/proxy'),
);
const queryPart = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...Object.values(paramsByOperation).flat(), 'pretty', 'as', 'x'),
          fc.string({ maxLength: 4 }),
        ),
        fc.oneof(
          fc.constantFrom('true', '1', 'All', '0', 'app=web', '%2e%2e', 'a%00'),
          fc.string({ maxLength: 5 }),
        ),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);
const trickyTarget = fc
  .tuple(knownPrefix, fc.array(segment, { maxLength: 5 }), queryPart, fc.boolean())
  .map(([prefix, segs, query, slash]) => {
    const path = `${prefix}${segs.map((s) => `/${s}`).join('')}${slash ? '/' : ''}` || '/';
    return query ? `${path}?${query}` : path;
  });
const method = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
);

// --- harness --------------------------------------------------------------------------------

function harness() {
  const upstream = recordingUpstream();
  const session = testSession('token-value-0123456789');
  const sessions = memorySessions(session);
  const app = mountForTest(
    '/api/cci',
    proxyRoutes(testDeps(upstream, sessions)),
    sessions,
    session.id,
  );
  // The raw target goes in as @hono/node-server passes it (env.incoming.url); the Request URL
  // is fixed so every input reaches the proxy route rather than being normalised away.
  const send = async (m: string, target: string, body?: string) => {
    const res = await app.fetch(
      new Request('http://bff.test/api/cci/probe', {
        method: m,
        headers: {
          cookie: '__Host-cci-session=abc',
          authorization: 'Bearer browser',
          'x-auth-token': 'browser-token',
          'content-type': 'application/json',
        },
        ...(body !== undefined && m !== 'GET' && m !== 'HEAD' ? { body } : {}),
      }),
      { incoming: { url: `/api/cci${target}` } },
    );
    await res.arrayBuffer();
    return res;
  };
  return { upstream, send };
}

describe('proxy allow-list property', () => {
  it('forwards nothing outside the kinds table, whatever the path, method and query', async () => {
    const { upstream, send } = harness();
    await fc.assert(
      fc.asyncProperty(method, trickyTarget, async (m, target) => {
        upstream.calls.length = 0;
        const res = await send(m, target, '{}');
        for (const call of upstream.calls) {
          expect(oracleViolation(call), `${m} ${target}`).toBeUndefined();
        }
        if (upstream.calls.length === 0) expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it('forwards the requests the console makes, unchanged', async () => {
    const { upstream, send } = harness();
    await fc.assert(
      fc.asyncProperty(goodRequest, async (r) => {
        upstream.calls.length = 0;
        const res = await send(r.method, r.target, '{}');
        const allowedByTable = r.kind.verbs.includes(r.verb);
        expect(res.status, `${r.method} ${r.target}`).toBe(allowedByTable ? 200 : 403);
        expect(upstream.calls).toHaveLength(allowedByTable ? 1 : 0);
        const call = upstream.calls[0];
        if (call) {
          expect(`${call.path}${call.query ? `?${call.query}` : ''}`).toBe(r.target);
          expect(oracleViolation(call)).toBeUndefined();
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('never lets a trick appended to an allowed path reach anything but that path', async () => {
    const { upstream, send } = harness();
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(kindArb, dnsName),
        fc.constantFrom(...tricks.filter((t) => t !== '')),
        async ([k, ns], trick) => {
          upstream.calls.length = 0;
          await send('GET', `${collectionOf(k, ns)}/${trick}/../../../../v3/auth/tokens`);
          await send('GET', `${collectionOf(k, ns)}/${trick}`);
          for (const call of upstream.calls) expect(oracleViolation(call)).toBeUndefined();
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});
