import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import fc from 'fast-check';
import { stringify } from 'node:querystring';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalQuery, formatSdkDate, parseSdkDate, signRequest } from './aksk.ts';

// The official Huawei Cloud SDK signer is the reference: our signer (used by the BFF, and by
// the emulator to verify) must produce byte-identical Authorization headers.

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const HOST = '127.0.0.1:6443';
const AK = 'TESTACCESSKEY0000001';
const SK = 'TestSecretKey000000000000000000000000Test';
const credential = new BasicCredentials().withAk(AK).withSk(SK);

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

function ourSign(input: SdkInput): Record<string, string> {
  return signRequest(
    {
      method: input.method,
      path: wirePath(input.path),
      rawQuery: stringify(input.query ?? {}),
      headers: { host: HOST, ...input.headers },
      body: input.data === undefined ? '' : JSON.stringify(input.data),
    },
    { ak: AK, sk: SK, now: () => T0 },
  );
}

const createPod: SdkInput = {
  method: 'POST',
  path: '/api/v1/namespaces/demo/pods',
  query: { fieldManager: 'kubectl-client-side-apply', labelSelector: 'app in (a,b)' },
  headers: {
    'content-type': 'application/json',
    'X-Project-Id': '0123456789abcdef0123456789abcdef',
  },
  data: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('SDK-HMAC-SHA256 against the official SDK signer', () => {
  it('produces the same Authorization as the SDK', () => {
    const inputs: SdkInput[] = [
      createPod,
      { method: 'GET', path: '/api/v1/namespaces' },
      { method: 'GET', path: '/apis/apps/v1/namespaces/demo/deployments/', query: { watch: '1' } },
      { method: 'DELETE', path: '/api/v1/namespaces/a b/pods/x', query: { k: ['2', '1', '1'] } },
      { method: 'GET', path: '/api/v1/namespaces/%E4%B8%AD', query: { q: '中 文+&=%' } },
    ];
    for (const input of inputs) {
      expect(ourSign(input)['Authorization'], input.path).toBe(sdkSign(input)['Authorization']);
    }
  });

  it('dates a request with X-Sdk-Date as the SDK does', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const sdkHeaders = sdkSign(createPod, false);
    const ours = signRequest(
      { method: 'GET', path: '/api/v1/namespaces', headers: { host: HOST } },
      { ak: AK, sk: SK },
    );
    expect(sdkHeaders['X-Sdk-Date']).toBe('20261126T120000Z');
    expect(ours['X-Sdk-Date']).toBe('20261126T120000Z');
  });

  it('signs UNSIGNED-PAYLOAD without hashing the body', () => {
    const request = { method: 'PUT', path: '/x', headers: { host: HOST } };
    const options = { ak: AK, sk: SK, now: () => T0, unsignedPayload: true };
    const a = signRequest({ ...request, body: 'one' }, options);
    const b = signRequest({ ...request, body: 'two' }, options);
    expect(a['X-Sdk-Content-Sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(a['Authorization']).toBe(b['Authorization']);
    expect(a['Authorization']).toContain('x-sdk-content-sha256');
  });

  it('canonicalizes any query the way the SDK does', () => {
    const char = fc.constantFrom(..."aZ09-_.~ !*'()+%&=/?#é中😀".match(/./gu)!);
    const text = fc.string({ unit: char, maxLength: 6 });
    const query = fc.dictionary(
      fc.string({ unit: char, minLength: 1, maxLength: 4 }),
      fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })),
    );
    fc.assert(
      fc.property(query, (params) => {
        const input: SdkInput = { method: 'GET', path: '/api/v1/pods', query: params };
        expect(ourSign(input)['Authorization']).toBe(sdkSign(input)['Authorization']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('signing helpers', () => {
  it('formats and parses X-Sdk-Date strictly', () => {
    expect(formatSdkDate(T0)).toBe('20261126T120000Z');
    expect(parseSdkDate('20261126T120000Z')).toBe(T0);
    expect(parseSdkDate('20261326T120000Z')).toBeUndefined();
    expect(parseSdkDate('20261126T120000')).toBeUndefined();
  });

  it('sorts keys and values and treats a bare key as key=', () => {
    expect(canonicalQuery('b=2&a&b=1&c=x+y&d=%41')).toBe('a=&b=1&b=2&c=x%20y&d=A');
  });
});
