/** What the Metrics tab of a details page shows, decided from the object alone. */
export type MetricsTarget =
  | { view: 'pod'; namespace: string; pod: string }
  | { view: 'namespace'; namespace: string }
  | { view: 'deployment'; namespace: string; deployment: string };

interface ObjectIdentity {
  kind?: string;
  metadata: { name: string; namespace?: string };
}

export function metricsTargetOf(object: ObjectIdentity): MetricsTarget | undefined {
  const { name, namespace } = object.metadata;
  switch (object.kind) {
    case 'Pod':
      return namespace ? { view: 'pod', namespace, pod: name } : undefined;
    case 'Deployment':
      return namespace ? { view: 'deployment', namespace, deployment: name } : undefined;
    case 'Namespace':
      return { view: 'namespace', namespace: name };
    default:
      return undefined;
  }
}

/**
 * A Deployment's pods are named `<deployment>-<pod-template-hash>-<suffix>` by its ReplicaSet.
 * The namespace overview lists pods by name only, so this is how the deployment view picks its
 * own; a deployment `web` does not claim `web-eip-…` pods (one more dash-separated part).
 */
export function isDeploymentPod(deployment: string, pod: string): boolean {
  if (!pod.startsWith(`${deployment}-`)) return false;
  return /^[a-z0-9]+-[a-z0-9]+$/.test(pod.slice(deployment.length + 1));
}
