import { generate } from 'selfsigned';
import type { Persistence } from './store/types.ts';

export interface ServingCertificate {
  key: string;
  cert: string;
}

/**
 * CCI is served over HTTPS, and kubectl refuses to send a bearer token over plain HTTP, so the
 * emulator serves TLS with a self-signed certificate for the loopback names. With a data dir the
 * certificate is kept, so written kubeconfigs (which pin it as their CA) stay valid.
 */
export async function servingCertificate(
  persistence: Persistence | undefined,
): Promise<ServingCertificate> {
  const key = persistence?.getMeta('tlsKey');
  const cert = persistence?.getMeta('tlsCert');
  if (key && cert) return { key, cert };
  const now = new Date();
  const generated = await generate([{ name: 'commonName', value: 'cci-emulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 10 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  persistence?.setMeta('tlsKey', generated.private);
  persistence?.setMeta('tlsCert', generated.cert);
  return { key: generated.private, cert: generated.cert };
}
