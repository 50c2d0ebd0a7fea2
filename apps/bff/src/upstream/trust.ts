import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/**
 * The TLS trust for IAM, CCI and exporters: Node's public roots plus the PEM bundle of
 * CCI_CA_FILE (a private CA, the emulator's self-signed certificate).
 *
 * Built once per bundle and handed to agents as `secureContext`, never as a `ca` option: an
 * agent given `ca` appends the whole list (~220 KB with the roots) to its pool key on every
 * request and parses it again for every new connection, which made the proxy 12x slower than
 * the same BFF trusting the CA through NODE_EXTRA_CA_CERTS (issue #12).
 */
const contexts = new Map<string, SecureContext>();

export function trustedContext(caCertificates: string | undefined): SecureContext | undefined {
  if (!caCertificates) return undefined; // Node's default context: the public roots
  let context = contexts.get(caCertificates);
  if (!context) {
    // `ca` replaces the root store, so the public roots are kept next to the extra CA.
    context = createSecureContext({ ca: [...rootCertificates, caCertificates] });
    contexts.set(caCertificates, context);
  }
  return context;
}
