import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { stringify } from 'node:querystring';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSdkDate, signRequest } from '@cci/hwcloud-auth';
import { authenticate } from './authenticate.ts';
import { createUserDirectory } from './directory.ts';
import { createTokenService } from './tokens.ts';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, defaultDemoUsers } from './users.ts';

// The official Huawei Cloud SDK signer is the reference: what it signs must verify here, and so
// must what @cci/hwcloud-auth signs (that package tests byte equality with the SDK).

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const HOST = '127.0.0.1:6443';
const users = defaultDemoUsers('cn-north-4');
const east3 = users.projects.find((p) => p.name === 'cn-east-3')!;
const credential = new BasicCredentials().withAk(DEMO_ACCESS_KEY).withSk(DEMO_SECRET_KEY);

interface SdkInput {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  data?: object;
}

/** Sign with the SDK exactly as its HTTP client does (endpoint = base URL + path). */
function sdkSign(input: SdkInput, withDateHeader = true): Record<string, string> {
  const headers: Record<string, string> = { ...input.headers };
  if (withDateHeader) headers['X-Sdk-Date'] = formatSdkDate(T0);
  return AKSKSigner.sign(
    {
      endpoint: `http://${HOST}${input.path}`,
      method: input.method,
      headers,
      queryParams: input.query ?? {},
      data: input.data,
    },
    credential,
  ) as Record<string, string>;
}

/** The path as an HTTP client puts it on the wire (percent-encoded). */
function wirePath(path: string): string {
  return new URL(`http://${HOST}${path}`).pathname;
}

/** Every header the request carries: the signed ones plus what signRequest adds. */
function ourSign(input: SdkInput): Record<string, string> {
  const headers = { host: HOST, ...input.headers };
  const added = signRequest(
    {
      method: input.method,
      path: wirePath(input.path),
      rawQuery: stringify(input.query ?? {}),
      headers,
      body: input.data === undefined ? '' : JSON.stringify(input.data),
    },
    { ak: DEMO_ACCESS_KEY, sk: DEMO_SECRET_KEY, now: () => T0 },
  );
  return { ...headers, ...added };
}

function verify(input: SdkInput, signedHeaders: Record<string, string>) {
  const headers = Object.fromEntries(
    Object.entries(signedHeaders).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const body = input.data === undefined ? '' : JSON.stringify(input.data);
  return authenticate(
    {
      method: input.method,
      path: wirePath(input.path),
      rawQuery: stringify(input.query ?? {}),
      headers,
      body: new TextEncoder().encode(body),
    },
    {
      directory: createUserDirectory(users),
      tokens: createTokenService({ secret: Buffer.alloc(32) }),
      now: () => T0 + 30_000,
    },
  );
}

const createPod: SdkInput = {
  method: 'POST',
  path: '/api/v1/namespaces/demo/pods',
  query: { fieldManager: 'kubectl-client-side-apply', labelSelector: 'app in (a,b)' },
  headers: { 'content-type': 'application/json', 'X-Project-Id': east3.id },
  data: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('AK/SK against the official SDK signer', () => {
  it('verifies a request signed by the SDK', () => {
    const result = verify(createPod, sdkSign(createPod));
    expect(result).toMatchObject({
      ok: true,
      identity: { userName: 'cci-demo', projectName: 'cn-east-3', method: 'aksk' },
    });
  });

  it('verifies a request the SDK dated itself (no X-Sdk-Date given)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const headers = sdkSign(createPod, false);
    expect(headers['X-Sdk-Date']).toBe('20261126T120000Z');
    expect(verify(createPod, headers).ok).toBe(true);
  });

  it('rejects an SDK-signed request whose body was changed', () => {
    const headers = sdkSign(createPod);
    expect(verify({ ...createPod, data: { ...createPod.data, spec: {} } }, headers).ok).toBe(false);
  });

  it('verifies what the SDK and @cci/hwcloud-auth sign, for awkward paths and queries', () => {
    const inputs: SdkInput[] = [
      createPod,
      { method: 'GET', path: '/api/v1/namespaces' },
      { method: 'GET', path: '/apis/apps/v1/namespaces/demo/deployments/', query: { watch: '1' } },
      { method: 'DELETE', path: '/api/v1/namespaces/a b/pods/x', query: { k: ['2', '1', '1'] } },
      { method: 'GET', path: '/api/v1/namespaces/%E4%B8%AD', query: { q: '中 文+&=%' } },
    ];
    for (const input of inputs) {
      expect(verify(input, sdkSign(input)).ok, input.path).toBe(true);
      expect(verify(input, ourSign(input)).ok, input.path).toBe(true);
    }
  });
});
