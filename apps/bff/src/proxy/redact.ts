import type { Credentials } from '../session/types.ts';

/** The session's secrets as they could appear in an upstream message. */
export function secretsOf(credentials: Credentials): string[] {
  const values =
    credentials.kind === 'token'
      ? [credentials.token]
      : [credentials.accessKey, credentials.secretKey];
  return values.filter((v) => v.length >= 8);
}

/** Upstream error messages pass through, but never with the session's credentials in them. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
