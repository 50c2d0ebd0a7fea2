/** Building blocks of the cAdvisor family tables: which cgroups a family has series for. */
import type { MetricType, Sample } from './exposition.ts';
import type { CgroupStats, ContainerView, PodView } from './podView.ts';

/** The block device behind every container's writable layer in the emulated sandbox. */
export const ROOT_DEVICE = { device: '/dev/vda', major: '253', minor: '0' };
export const POD_INTERFACE = 'eth0';

export interface FamilyDef {
  name: string;
  help: string;
  type: MetricType;
  /** Spec metrics carry no timestamp in cAdvisor; sampled statistics do. */
  spec?: boolean;
  samples: (view: PodView) => Omit<Sample, 'timestampMs'>[];
}

type Extra = Record<string, string>;

/** Every cgroup: the pod's own (container="") and each container's. */
export function cgroups(value: (c: CgroupStats) => number, extra: Extra = {}) {
  return (v: PodView) =>
    [v.pod, ...v.containers].map((c) => ({ labels: { ...c.labels, ...extra }, value: value(c) }));
}

export function containersOnly(value: (c: ContainerView) => number, extra: Extra = {}) {
  return (v: PodView) =>
    v.containers.map((c) => ({ labels: { ...c.labels, ...extra }, value: value(c) }));
}

/** Network counters exist where the network namespace is: the pod. */
export function podNetwork(value: (v: PodView) => number) {
  return (v: PodView) => [
    { labels: { ...v.pod.labels, interface: POD_INTERFACE }, value: value(v) },
  ];
}

export function gpus(
  value: (gpu: ContainerView['usage']['gpus'][number], c: ContainerView) => number,
) {
  return (v: PodView) =>
    v.containers.flatMap((c) =>
      c.usage.gpus.map((g) => ({
        labels: { ...c.labels, acc_id: g.uuid, make: 'nvidia', model: c.facts.gpu?.model ?? '' },
        value: value(g, c),
      })),
    );
}

export const fs = (value: (c: ContainerView) => number) =>
  containersOnly(value, { device: ROOT_DEVICE.device });
export const c = (name: string, help: string, samples: FamilyDef['samples']): FamilyDef => ({
  name,
  help,
  type: 'counter',
  samples,
});
export const g = (
  name: string,
  help: string,
  samples: FamilyDef['samples'],
  spec = false,
): FamilyDef => ({
  name,
  help,
  type: 'gauge',
  samples,
  spec,
});
