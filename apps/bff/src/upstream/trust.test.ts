import * as tls from 'node:tls';
import { describe, expect, it, vi } from 'vitest';
import { trustedContext } from './trust.ts';

vi.mock('node:tls', async (original) => {
  const actual = await original<typeof tls>();
  return { ...actual, createSecureContext: vi.fn(actual.createSecureContext) };
});

const privateCa = '-----BEGIN CERTIFICATE-----\nnot parsed by the mock\n-----END CERTIFICATE-----';

describe('upstream TLS trust (issue #12)', () => {
  it('uses Node default trust when no CA file is configured', () => {
    expect(trustedContext(undefined)).toBeUndefined();
    expect(tls.createSecureContext).not.toHaveBeenCalled();
  });

  it('builds one context per CA bundle, holding the public roots and the private CA', () => {
    const made = { context: {} } as tls.SecureContext;
    vi.mocked(tls.createSecureContext).mockReturnValueOnce(made);
    const first = trustedContext(privateCa);
    for (let i = 0; i < 100; i++) expect(trustedContext(privateCa)).toBe(first);
    expect(first).toBe(made);
    expect(tls.createSecureContext).toHaveBeenCalledTimes(1);
    const ca = vi.mocked(tls.createSecureContext).mock.calls[0]?.[0]?.ca as string[];
    expect(ca).toEqual([...tls.rootCertificates, privateCa]);
    expect(tls.rootCertificates.length).toBeGreaterThan(100);
  });
});
