import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export interface KubeconfigInput {
  server: string;
  region: string;
  /** Who the context is for: the AK or user name, as in cci-iam-authenticator's names (A4). */
  identityName: string;
  token: string;
  /** PEM of the server's CA, for an https server with a self-signed certificate. */
  caCertificate?: string | undefined;
  namespace?: string | undefined;
}

/**
 * A kubeconfig in the shape `cci-iam-authenticator generate-kubeconfig` writes (rule A4:
 * cci-cluster-<region>, cci-user-<region>-<id>, cci-context-<region>-<id>), holding a token
 * instead of the exec plugin so real kubectl can use it as is against the emulator.
 */
export function kubeconfigFor(input: KubeconfigInput): object {
  const cluster = `cci-cluster-${input.region}`;
  const user = `cci-user-${input.region}-${input.identityName}`;
  const context = `cci-context-${input.region}-${input.identityName}`;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [
      {
        name: cluster,
        cluster: {
          server: input.server,
          ...(input.caCertificate
            ? { 'certificate-authority-data': Buffer.from(input.caCertificate).toString('base64') }
            : {}),
        },
      },
    ],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [
      {
        name: context,
        context: { cluster, user, ...(input.namespace ? { namespace: input.namespace } : {}) },
      },
    ],
    'current-context': context,
  };
}

export function writeKubeconfig(path: string, input: KubeconfigInput): void {
  // The file holds a bearer token: readable by its owner only.
  writeFileSync(path, stringify(kubeconfigFor(input)), { mode: 0o600 });
}
