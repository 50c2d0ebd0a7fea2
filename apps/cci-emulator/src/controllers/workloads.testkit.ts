// Shared setup of the Deployment / ReplicaSet integration tests: an emulator with the pod,
// ReplicaSet and Deployment controllers, a namespace with a Network, and typed views.
import { findKindByResource, type KindDescriptor } from '@cci/model';
import {
  namespaceManifest,
  networkManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import type { KubeObject } from '../store/types.ts';
import { createDeploymentController } from './deployments.ts';
import { createPodController } from './pods.ts';
import { createReplicaSetController } from './replicasets.ts';

export const podKind = findKindByResource('', 'v1', 'pods') as KindDescriptor;

export async function startWorkloadEmulator(ns: string): Promise<TestEmulator> {
  const t = await startTestEmulator({
    controllers: [
      createPodController(),
      createReplicaSetController(),
      createDeploymentController(),
    ],
  });
  await t.api.post('/api/v1/namespaces', namespaceManifest(ns));
  await t.api.post(
    `/apis/networking.cci.io/v1beta1/namespaces/${ns}/networks`,
    networkManifest('net', '192.168.0.0/20'),
  );
  return t;
}

export function deployment(
  name: string,
  replicas: number,
  image: string,
  spec: Record<string, unknown> = {},
): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'container-0', image }] },
      },
      ...spec,
    },
  };
}

export interface RsView {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: unknown };
  };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export interface DeployView {
  metadata: { name: string; generation: number; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: { type: string; status: string; reason: string; message: string }[];
  };
}

export function isReadyPod(pod: KubeObject): boolean {
  const conditions =
    (pod['status'] as { conditions?: { type: string; status: string }[] } | undefined)
      ?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isActivePod(pod: KubeObject): boolean {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Calls `check` with the namespace's pods after every single pod change in the store. */
export function onEveryPodChange(
  t: TestEmulator,
  ns: string,
  check: (pods: KubeObject[]) => void,
): () => void {
  const w = t.emulator.store.watch(
    {
      storageKey: podKind.storageKey,
      namespace: ns,
      matches: () => true,
      send: () => check(t.emulator.store.list(podKind.storageKey, ns)),
    },
    undefined,
  );
  if (w === 'gone') throw new Error('watch refused');
  return w.cancel;
}

export function workloadApi(t: TestEmulator, ns: string) {
  const base = `/apis/apps/v1/namespaces/${ns}`;
  return {
    deploymentsPath: `${base}/deployments`,
    getDeployment: async (name: string) =>
      (await t.api.get<DeployView>(`${base}/deployments/${name}`)).body,
    replicaSets: async () =>
      (await t.api.get<{ items: RsView[] }>(`${base}/replicasets`)).body.items,
    pods: async () =>
      (await t.api.get<{ items: KubeObject[] }>(`/api/v1/namespaces/${ns}/pods`)).body.items,
    setImage: (name: string, image: string) =>
      t.api.patch(
        `${base}/deployments/${name}`,
        [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: image }],
        'application/json-patch+json',
      ),
    events: async (component: string) =>
      (
        await t.api.get<{
          items: {
            reason: string;
            message: string;
            source: { component: string };
            metadata: { resourceVersion: string };
          }[];
        }>(`/api/v1/namespaces/${ns}/events`)
      ).body.items
        .filter((e) => e.source.component === component)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map((e) => e.message),
  };
}
