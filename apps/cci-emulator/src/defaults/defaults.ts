import { canonicalQuantity, type KindDescriptor } from '@cci/model';
import type { KubeObject } from '../store/types.ts';

/**
 * What the API server fills in on every write (SetDefaults_* of the served versions) and how it
 * normalises quantities, so an object reads back as from Kubernetes, and a template that went
 * through a Go client (kubectl rollout undo) equals the one stored (rule D5).
 */
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function setDefault(object: Json, field: string, value: unknown): void {
  if (object[field] === undefined || object[field] === null) object[field] = value;
}

function normaliseQuantities(map: unknown): void {
  if (!isRecord(map)) return;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string') continue;
    const canonical = canonicalQuantity(value);
    if (canonical !== undefined) map[name] = canonical;
  }
}

function defaultContainer(container: Json): void {
  const image = typeof container['image'] === 'string' ? container['image'] : '';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes('@') ? 'digest' : lastPart.split(':')[1];
  setDefault(
    container,
    'imagePullPolicy',
    tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent',
  );
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  for (const port of records(container['ports'])) setDefault(port, 'protocol', 'TCP');
  const resources = container['resources'];
  if (isRecord(resources)) {
    normaliseQuantities(resources['limits']);
    normaliseQuantities(resources['requests']);
  } else {
    container['resources'] = {};
  }
}

function defaultPodSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  for (const list of ['initContainers', 'containers'])
    for (const container of records(spec[list])) defaultContainer(container);
}

function templateSpec(template: unknown): unknown {
  return isRecord(template) ? template['spec'] : undefined;
}

/** Defaults in place on a copy-owned object (the caller's prepared object). */
const byKind: Record<string, (object: Json) => void> = {
  Pod: (o) => defaultPodSpec(o['spec']),
  ReplicaSet: (o) => {
    if (!isRecord(o['spec'])) return;
    setDefault(o['spec'], 'replicas', 1);
    defaultPodSpec(templateSpec(o['spec']['template']));
  },
  Deployment: (o) => {
    const spec = o['spec'];
    if (!isRecord(spec)) return;
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    setDefault(spec, 'strategy', { type: 'RollingUpdate' });
    const strategy = spec['strategy'];
    if (isRecord(strategy) && (strategy['type'] ?? 'RollingUpdate') === 'RollingUpdate') {
      setDefault(strategy, 'type', 'RollingUpdate');
      setDefault(strategy, 'rollingUpdate', {});
      const rolling = strategy['rollingUpdate'];
      if (isRecord(rolling)) {
        setDefault(rolling, 'maxUnavailable', '25%');
        setDefault(rolling, 'maxSurge', '25%');
      }
    }
    defaultPodSpec(templateSpec(spec['template']));
  },
  Job: (o) => defaultPodSpec(isRecord(o['spec']) ? templateSpec(o['spec']['template']) : undefined),
  CronJob: (o) => {
    const spec = o['spec'];
    if (!isRecord(spec)) return;
    setDefault(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    const job = isRecord(spec['jobTemplate']) ? spec['jobTemplate']['spec'] : undefined;
    defaultPodSpec(isRecord(job) ? templateSpec(job['template']) : undefined);
  },
  PersistentVolumeClaim: (o) => {
    const resources = isRecord(o['spec']) ? o['spec']['resources'] : undefined;
    if (isRecord(resources)) {
      normaliseQuantities(resources['requests']);
      normaliseQuantities(resources['limits']);
    }
  },
};

/** The object with the API server's defaults and canonical quantities (a new object). */
export function withDefaults(kind: KindDescriptor, object: KubeObject): KubeObject {
  const apply = byKind[kind.kind];
  if (!apply) return object;
  const copy = structuredClone(object) as KubeObject;
  apply(copy as Json);
  return copy;
}
