/** Test support for the strategic merge patch tests: sample objects and a patch runner. */
import { applyPatch } from './index.ts';
import { k8sSchemas } from './k8s-schema-fixture.ts';

export const deploymentDefinition = 'io.k8s.api.apps.v1.Deployment';

export function deployment(podSpec: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns1', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
      ...spec,
    },
  };
}

export const webContainer = {
  name: 'web',
  image: 'nginx:1.24',
  env: [
    { name: 'A', value: '1' },
    { name: 'B', value: '1' },
  ],
};
export const sidecarContainer = {
  name: 'sidecar',
  image: 'busybox:1.36',
  ports: [{ containerPort: 8080 }],
};
export const twoContainers = deployment({ containers: [webContainer, sidecarContainer] });

export function strategicOutcome(
  original: object,
  patch: unknown,
  definition = deploymentDefinition,
) {
  return applyPatch({ type: 'strategic', original, patch, definition, schemas: k8sSchemas });
}

export function strategic(
  original: object,
  patch: unknown,
  definition = deploymentDefinition,
): object {
  const outcome = strategicOutcome(original, patch, definition);
  if (!outcome.ok) throw new Error(`patch failed: ${outcome.status} ${outcome.message}`);
  return outcome.result;
}

/** The value at a dotted path, e.g. at(obj, 'spec.template.spec.containers'). */
export function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

export const podSpecPath = 'spec.template.spec';

/** A patch that sets pod spec fields of a Deployment. */
export function podSpecPatch(podSpec: Record<string, unknown>) {
  return { spec: { template: { spec: podSpec } } };
}
