// Shared setup of the pod lifecycle integration tests: typed views of pods and events.
import { expect } from 'vitest';
import { networkManifest, type TestEmulator } from '../../test/support/testEmulator.ts';

export interface PodView {
  metadata: { name: string; deletionTimestamp?: string };
  spec: { nodeName?: string };
  status: {
    phase?: string;
    podIP?: string;
    hostIP?: string;
    qosClass?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    initContainerStatuses?: {
      name: string;
      ready: boolean;
      state: Record<string, { reason?: string; exitCode?: number }>;
    }[];
    containerStatuses?: {
      name: string;
      ready: boolean;
      started: boolean;
      restartCount: number;
      containerID?: string;
      imageID?: string;
      state: Record<string, unknown>;
    }[];
  };
}

export interface EventView {
  reason: string;
  message: string;
  type: string;
  source: { component: string };
}

export const guaranteedResources = {
  limits: { cpu: '500m', memory: '1Gi' },
  requests: { cpu: '500m', memory: '1Gi' },
};

export function pod(name: string, spec: Record<string, unknown>): object {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

export function condition(p: PodView, type: string): string | undefined {
  return p.status.conditions?.find((c) => c.type === type)?.status;
}

export function podKit(t: TestEmulator, ns: string) {
  const podsPath = `/api/v1/namespaces/${ns}/pods`;
  return {
    podsPath,
    create: async (name: string, spec: Record<string, unknown>) =>
      expect((await t.api.post(podsPath, pod(name, spec))).status).toBe(201),
    getPod: async (name: string) => (await t.api.get<PodView>(`${podsPath}/${name}`)).body,
    /** Events about the object, oldest first. */
    eventsOf: async (name: string): Promise<EventView[]> => {
      const list = await t.api.get<{
        items: (EventView & {
          involvedObject: { name: string };
          metadata: { resourceVersion: string };
        })[];
      }>(`/api/v1/namespaces/${ns}/events`);
      return list.body.items
        .filter((e) => e.involvedObject.name === name)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    },
    withNetwork: async (cidr = '192.168.10.0/24') => {
      const r = await t.api.post(
        `/apis/networking.cci.io/v1beta1/namespaces/${ns}/networks`,
        networkManifest('net', cidr),
      );
      expect(r.status).toBe(201);
    },
  };
}
