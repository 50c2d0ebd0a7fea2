/**
 * Small builders shared by the demo manifests: every container follows the CCI pod rules the
 * same way (P1 limits equal requests, P2 the one pull secret CCI accepts), so the demo shows
 * what a valid CCI project looks like.
 */

export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
};

/** The general-computing namespace that holds the demo workloads. */
export const DEMO_NAMESPACE = 'demo';
/** The gpu-accelerated namespace (N1) with the GPU workload (P3) and its own Network. */
export const GPU_NAMESPACE = 'gpu-lab';

/** P2: CCI pulls images with this secret only. */
export const imagePullSecrets = [{ name: 'imagepull-secret' }];

/** P1: a container's cpu/memory limits equal its requests. */
export function resources(cpu: string, memory: string): object {
  return { limits: { cpu, memory }, requests: { cpu, memory } };
}

export interface ContainerOptions {
  cpu?: string;
  memory?: string;
  [field: string]: unknown;
}

/** A container as the CCI console names them (container-0, ...), with equal limits/requests. */
export function container(
  image: string,
  { cpu = '500m', memory = '1Gi', ...fields }: ContainerOptions = {},
): Record<string, unknown> {
  return { name: 'container-0', image, resources: resources(cpu, memory), ...fields };
}

export interface DeploymentOptions {
  replicas: number;
  containers: object[];
  annotations?: Record<string, string>;
  volumes?: object[];
  /** Default: the demo namespace. */
  namespace?: string;
}

/** An apps/v1 Deployment (in the demo namespace by default) whose selector matches its pods (D1). */
export function deployment(name: string, options: DeploymentOptions): Manifest {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? DEMO_NAMESPACE, labels },
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: {
          labels,
          ...(options.annotations ? { annotations: options.annotations } : {}),
        },
        spec: {
          containers: options.containers,
          ...(options.volumes ? { volumes: options.volumes } : {}),
          imagePullSecrets,
        },
      },
    },
  };
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
