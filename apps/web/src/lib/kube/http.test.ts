import { afterEach, describe, expect, it, vi } from 'vitest';
import { shouldRetry } from '../../queryClient.ts';
import { ApiError, apiFetch, setUnauthorizedListener } from './http.ts';

function respond(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedListener(() => {});
});

describe('apiFetch', () => {
  it('sends the CSRF header on non-GET requests only', async () => {
    respond(200, {});
    await apiFetch('/api/x');
    await apiFetch('/api/x', { method: 'DELETE' });
    const calls = vi.mocked(fetch).mock.calls;
    const headersOf = (i: number) => (calls[i]?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headersOf(0)['X-CCI-Console']).toBeUndefined();
    expect(headersOf(1)['X-CCI-Console']).toBe('1');
  });

  it('turns a Status into an ApiError with localized and field messages', async () => {
    respond(400, {
      kind: 'Status',
      code: 400,
      message: 'invalid',
      messages: { en: 'invalid', 'zh-CN': '无效' },
      details: {
        causes: [{ field: 'domainName', message: 'required', messages: { 'zh-CN': '必填' } }],
      },
    });
    const error = await apiFetch('/api/session', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).localized('zh-CN')).toBe('无效');
    expect((error as ApiError).fieldErrors('zh-CN')).toEqual({ domainName: '必填' });
    expect((error as ApiError).fieldErrors('en')).toEqual({ domainName: 'required' });
  });

  it('calls the unauthorized listener on 401 unless told not to', async () => {
    const listener = vi.fn();
    setUnauthorizedListener(listener);
    respond(401, { code: 401, message: 'expired' });
    await expect(apiFetch('/api/cci/api/v1/namespaces')).rejects.toThrow('expired');
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(apiFetch('/api/session', { ignoreUnauthorized: true })).rejects.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('shouldRetry', () => {
  it('never retries 401, 403 or 404, retries others twice', () => {
    for (const status of [401, 403, 404]) {
      expect(shouldRetry(0, new ApiError(status, undefined))).toBe(false);
    }
    expect(shouldRetry(0, new ApiError(503, undefined))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, undefined))).toBe(false);
    expect(shouldRetry(0, new TypeError('network'))).toBe(true);
  });
});
