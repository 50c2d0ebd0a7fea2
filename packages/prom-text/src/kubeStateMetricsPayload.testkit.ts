/**
 * A generated kube-state-metrics scrape, for tests and the benchmark: many families, each with a
 * label set per object (namespace, pod, uid, container...), in kube-state-metrics' label order.
 * Some sets recur across families (`{namespace,pod,uid}`), most differ by one label (phase,
 * condition, resource). Deterministic for a given seed. Not part of the package API.
 */
import { renderFamily, seeded, type Labels, type SampleRow } from './exposition.testkit.ts';

const NAMESPACES = ['default', 'kube-system', 'monitoring', 'payments', 'web'];
const IMAGES = ['nginx:1.25-alpine', 'redis:7.2', 'registry.example.test/team/api:1.4.2'];
const T0 = 1_714_557_600; // 2024-05-01T10:00:00Z, in seconds as kube-state-metrics writes times

interface Pod {
  base: Labels; // namespace, pod, uid
  deployment: string;
  node: string;
  ip: string;
  containers: string[];
  started: number;
}

/** Random lowercase hex digits, as in uids and the hashes of generated pod names. */
function hex(random: () => number, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

function pods(count: number, random: () => number): Pod[] {
  return Array.from({ length: count }, (_, i) => {
    const namespace = NAMESPACES[i % NAMESPACES.length] as string;
    const deployment = `svc-${i % 40}`;
    const uid = `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;
    return {
      base: { namespace, pod: `${deployment}-${hex(random, 10)}-${hex(random, 5)}`, uid },
      deployment,
      node: `worker-${i % 12}`,
      ip: `10.244.${i % 12}.${(i * 7) % 250}`,
      containers: Array.from({ length: 1 + (i % 3) }, (_, c) => (c === 0 ? 'app' : `sidecar-${c}`)),
      started: T0 - Math.floor(random() * 86_400 * 30),
    };
  });
}

/** One kube-state-metrics scrape: `podCount` pods (1–3 containers) in 40 deployments. */
export function renderKubeStateMetrics(podCount = 200, seed = 1): string {
  const random = seeded(seed);
  const all = pods(podCount, random);
  let out = '';
  const perPod = (name: string, help: string, type: 'gauge' | 'counter', row: (p: Pod) => SampleRow[]) => {
    out += renderFamily(name, help, type, all.flatMap(row));
  }; // prettier-ignore
  const one = (labels: Labels, value: number): SampleRow => ['', labels, value];
  perPod('kube_pod_info', 'Information about pod.', 'gauge', (p) => [one({ ...p.base, host_ip: `192.168.0.${p.node.slice(7)}`, pod_ip: p.ip, node: p.node, created_by_kind: 'ReplicaSet', created_by_name: `${p.deployment}-5d8f7c6b9`, priority_class: '', host_network: 'false' }, 1)]); // prettier-ignore
  perPod('kube_pod_start_time', 'Start time in unix timestamp for a pod.', 'gauge', (p) => [one(p.base, p.started)]); // prettier-ignore
  perPod('kube_pod_created', 'Unix creation timestamp', 'gauge', (p) => [one(p.base, p.started - 2)]); // prettier-ignore
  perPod('kube_pod_labels', 'Kubernetes labels converted to Prometheus labels.', 'gauge', (p) => [one({ ...p.base, label_app: p.deployment, label_pod_template_hash: '5d8f7c6b9' }, 1)]); // prettier-ignore
  perPod('kube_pod_owner', 'Information about the Pod\'s owner.', 'gauge', (p) => [one({ ...p.base, owner_kind: 'ReplicaSet', owner_name: `${p.deployment}-5d8f7c6b9`, owner_is_controller: 'true' }, 1)]); // prettier-ignore
  perPod('kube_pod_restart_policy', 'Describes the restart policy in use by this pod.', 'gauge', (p) => [one({ ...p.base, type: 'Always' }, 1)]); // prettier-ignore
  perPod('kube_pod_service_account', 'The service account for a pod.', 'gauge', (p) => [one({ ...p.base, service_account: 'default' }, 1)]); // prettier-ignore
  perPod('kube_pod_ips', 'Pod IP addresses', 'gauge', (p) => [one({ ...p.base, ip: p.ip, ip_family: '4' }, 1)]); // prettier-ignore
  perPod('kube_pod_status_phase', 'The pods current phase.', 'gauge', (p) => ['Pending', 'Succeeded', 'Failed', 'Unknown', 'Running'].map((phase) => one({ ...p.base, phase }, phase === 'Running' ? 1 : 0))); // prettier-ignore
  for (const condition of ['ready', 'scheduled', 'containers_ready', 'initialized'])
    perPod(`kube_pod_status_${condition}`, `Describes whether the pod is ${condition}.`, 'gauge', (p) => ['true', 'false', 'unknown'].map((c) => one({ ...p.base, condition: c }, c === 'true' ? 1 : 0))); // prettier-ignore
  perPod('kube_pod_status_scheduled_time', 'Unix timestamp when pod moved into scheduled state', 'gauge', (p) => [one(p.base, p.started - 1)]); // prettier-ignore
  perPod('kube_pod_status_ready_time', 'Readiness achieved time in unix timestamp for a pod.', 'gauge', (p) => [one(p.base, p.started + 3)]); // prettier-ignore
  perPod('kube_pod_status_qos_class', 'The pods current qosClass.', 'gauge', (p) => ['BestEffort', 'Burstable', 'Guaranteed'].map((q) => one({ ...p.base, qos_class: q }, q === 'Guaranteed' ? 1 : 0))); // prettier-ignore
  perPod('kube_pod_tolerations', 'Information about the pod tolerations', 'gauge', (p) => ['not-ready', 'unreachable'].map((k) => one({ ...p.base, key: `node.kubernetes.io/${k}`, operator: 'Exists', effect: 'NoExecute', toleration_seconds: '300' }, 1))); // prettier-ignore
  const perContainer = (name: string, help: string, type: 'gauge' | 'counter', row: (p: Pod, c: string, i: number) => SampleRow[]) =>
    perPod(name, help, type, (p) => p.containers.flatMap((c, i) => row(p, c, i))); // prettier-ignore
  perContainer('kube_pod_container_info', 'Information about a container in a pod.', 'gauge', (p, container, i) => [one({ ...p.base, container, image_spec: IMAGES[i % 3] as string, image: IMAGES[i % 3] as string, image_id: `docker-pullable://${IMAGES[i % 3]}@sha256:${p.base.uid?.replace(/-/g, '')}0a1b2c3d4e5f6a7b8c9d0e1f2a3b`, container_id: `containerd://${p.base.uid?.replace(/-/g, '')}9f8e7d6c5b4a39281706f5e4d3c2b1a0` }, 1)]); // prettier-ignore
  for (const state of ['waiting', 'running', 'terminated', 'ready'])
    perContainer(`kube_pod_container_status_${state}`, `Describes whether the container is ${state}.`, 'gauge', (p, container) => [one({ ...p.base, container }, state === 'running' || state === 'ready' ? 1 : 0)]); // prettier-ignore
  perContainer('kube_pod_container_status_restarts_total', 'The number of container restarts per container.', 'counter', (p, container) => [one({ ...p.base, container }, Math.floor(random() * 3))]); // prettier-ignore
  perContainer('kube_pod_container_state_started', 'Start time in unix timestamp for a pod container.', 'gauge', (p, container) => [one({ ...p.base, container }, p.started + 2)]); // prettier-ignore
  for (const kind of ['requests', 'limits'])
    perContainer(`kube_pod_container_resource_${kind}`, `The number of ${kind} resource by a container.`, 'gauge', (p, container, i) => [one({ ...p.base, container, node: p.node, resource: 'cpu', unit: 'core' }, 0.25 * (i + 1)), one({ ...p.base, container, node: p.node, resource: 'memory', unit: 'byte' }, 268_435_456 * (i + 1))]); // prettier-ignore
  const deployments = Array.from({ length: 40 }, (_, i) => ({ namespace: NAMESPACES[i % NAMESPACES.length] as string, deployment: `svc-${i}` })); // prettier-ignore
  for (const family of ['created', 'spec_replicas', 'spec_paused', 'status_replicas', 'status_replicas_available', 'status_replicas_unavailable', 'status_replicas_updated', 'status_observed_generation', 'metadata_generation', 'spec_strategy_rollingupdate_max_surge', 'spec_strategy_rollingupdate_max_unavailable'])
    out += renderFamily(`kube_deployment_${family}`, `Deployment ${family.replace(/_/g, ' ')}.`, 'gauge', deployments.map((d, i) => one(d, family === 'created' ? T0 - i * 3600 : (i % 5) + 1))); // prettier-ignore
  return out;
}
