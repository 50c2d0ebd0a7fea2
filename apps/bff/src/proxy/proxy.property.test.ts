import { kinds, type KindDescriptor, type Verb } from '@cci/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyRoutes } from '../routes/proxy.ts';
import { oracleViolation, paramsByOperation } from './oracle.testkit.ts';
import {
  memorySessions,
  mountForTest,
  recordingUpstream,
  testDeps,
  testSession,
} from './testkit.ts';

/*
 * Property: whatever the browser sends, every call that reaches the upstream client is one the
 * kinds table allows, judged by an oracle (oracle.testkit.ts) built from the table on its own.
 */

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
    fc.constantFrom('list', 'get', 'create', 'patch', 'scale', 'delete'),
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
      case 'scale':
        return k.subresources.includes('scale')
          ? { method: 'PATCH', target: `${coll}/${objName}/scale`, verb: 'patch' as Verb, kind: k }
          : { method: 'GET', target: `${coll}/${objName}`, verb: 'get' as Verb, kind: k };
      case 'delete':
        return { method: 'DELETE', target: `${coll}/${objName}`, verb: 'delete' as Verb, kind: k };
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
