/**
 * The "Create Deployment" form as pure data: the Deployment it sends (D1, P1, P2), its per-pod
 * EIP (E4, EIP1-EIP7) and image snapshot (S3) annotations, and which form field each problem
 * belongs to. The CCI rules themselves come from @cci/model validateDocument; only the checks
 * the rules leave to Kubernetes (name syntax, image, port) are made here.
 */
import {
  eipAnnotations,
  eipPoolCapacity,
  imagePullSecretName,
  snapshotAutoMatchAnnotation,
  snapshotNameAnnotation,
  validateDocument,
  type EipPoolCapacity,
  type RuleContext,
} from '@cci/model';
import { manifestTemplates } from '@cci/model/templates';
import { parse } from 'yaml';
import { namespaceNameProblem } from '../namespaces/namespaceForm.ts';
import { fieldOfPath, type FormProblem, type WorkloadField } from './workloadProblems.ts';

export type EipMode = 'none' | 'pool' | 'withPod' | 'existing';
export type SnapshotMode = 'none' | 'auto' | 'specified';

export interface EipFields {
  mode: EipMode;
  pool: string;
  /** EIP1 created with the pod: dedicated bandwidth (size, charge mode, name) or a shared one. */
  sharedBandwidth: boolean;
  bandwidthSize: number | string;
  networkType: string;
  chargeMode: string;
  bandwidthName: string;
  bandwidthId: string;
  eipId: string;
  /** EIP7: the seed's init container that waits for the allocated address. */
  waitForEip: boolean;
}

export interface WorkloadForm {
  name: string;
  image: string;
  replicas: number | string;
  cpu: string;
  memory: string;
  port: number | string;
  eip: EipFields;
  snapshot: { mode: SnapshotMode; name: string; autoMatch: boolean };
}

/** P1: one value serves as request and limit; the sizes the seed's examples use (0.25-4 cores). */
export const cpuChoices = ['250m', '500m', '1000m', '2000m', '4000m'] as const;
export const memoryChoices = ['512Mi', '1024Mi', '2Gi', '4Gi', '8Gi', '16Gi', '32Gi'] as const;

export function defaultWorkloadForm(snapshot?: string): WorkloadForm {
  return {
    name: '',
    image: '',
    replicas: 1,
    cpu: '500m',
    memory: '1024Mi',
    port: 80,
    eip: {
      mode: 'none',
      pool: '',
      sharedBandwidth: false,
      bandwidthSize: 5,
      networkType: '5_bgp',
      chargeMode: 'bandwidth',
      bandwidthName: '',
      bandwidthId: '',
      eipId: '',
      waitForEip: false,
    },
    snapshot:
      snapshot === undefined
        ? { mode: 'none', name: '', autoMatch: false }
        : { mode: 'specified', name: snapshot, autoMatch: false },
  };
}

/**
 * EIP7: the seed's init container and downwardAPI volume, taken from its manifest in
 * @cci/model's templates (08-05) so the guide's text lives in one place.
 */
interface WaitForEipPodSpec {
  initContainers: [Record<string, unknown>];
  volumes: [
    { name: string; downwardAPI: { items: { path: string; fieldRef: { fieldPath: string } }[] } },
  ];
}
const waitForEipPodSpec = (
  parse(templateFor('08-05-pod-eip-id-wait-init').text) as { spec: WaitForEipPodSpec }
).spec;
export const waitForEipInitContainer = waitForEipPodSpec.initContainers[0];
export const eipInfoVolume = waitForEipPodSpec.volumes[0];

function templateFor(id: string) {
  const found = manifestTemplates.find((t) => t.id === id);
  if (!found) throw new Error(`@cci/model/templates has no ${id}`);
  return found;
}

function numberOrRaw(value: number | string): unknown {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

/** EIP1/EIP2/E4: exactly one EIP source, so EIP3's priority never has to decide. */
export function eipPodAnnotations(eip: EipFields): Record<string, string> {
  const a = eipAnnotations;
  if (eip.mode === 'pool') return { [a.eipPool]: eip.pool };
  if (eip.mode === 'existing') return { [a.eipId]: eip.eipId.trim() };
  if (eip.mode !== 'withPod') return {};
  if (eip.sharedBandwidth) return { [a.podWithEip]: 'true', [a.bandwidthId]: eip.bandwidthId };
  return {
    [a.podWithEip]: 'true',
    [a.bandwidthSize]: String(eip.bandwidthSize).trim(),
    [a.networkType]: eip.networkType,
    [a.chargeMode]: eip.chargeMode,
    ...(eip.bandwidthName.trim() !== '' ? { [a.bandwidthName]: eip.bandwidthName.trim() } : {}),
  };
}

/** S3: auto-match "true"; or a named snapshot with auto-match "false" (seed 9.2 example). */
export function snapshotPodAnnotations(snapshot: WorkloadForm['snapshot']): Record<string, string> {
  if (snapshot.mode === 'auto') return { [snapshotAutoMatchAnnotation]: 'true' };
  if (snapshot.mode !== 'specified') return {};
  return {
    [snapshotAutoMatchAnnotation]: snapshot.autoMatch ? 'true' : 'false',
    [snapshotNameAnnotation]: snapshot.name,
  };
}

export function waitsForEip(form: WorkloadForm): boolean {
  return form.eip.mode !== 'none' && form.eip.waitForEip;
}

export function workloadManifest(form: WorkloadForm, namespace: string): Record<string, unknown> {
  // Separate objects: the YAML preview would otherwise show anchors (&a1 / *a1).
  const labels = () => ({ app: form.name });
  const annotations = { ...eipPodAnnotations(form.eip), ...snapshotPodAnnotations(form.snapshot) };
  const resources = { cpu: form.cpu, memory: form.memory };
  const port = numberOrRaw(form.port);
  const wait = waitsForEip(form);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: form.name, namespace },
    spec: {
      replicas: numberOrRaw(form.replicas),
      selector: { matchLabels: labels() },
      template: {
        metadata: {
          labels: labels(),
          ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        },
        spec: {
          ...(wait ? { initContainers: [waitForEipInitContainer] } : {}),
          containers: [
            {
              name: 'container-0',
              image: form.image.trim(),
              resources: { limits: resources, requests: { ...resources } },
              ...(port !== undefined ? { ports: [{ containerPort: port, protocol: 'TCP' }] } : {}),
            },
          ],
          ...(wait ? { volumes: [eipInfoVolume] } : {}),
          imagePullSecrets: [{ name: imagePullSecretName }],
        },
      },
    },
  };
}

/** What Kubernetes itself refuses where the CCI guide is silent (cci-rules.md preamble). */
function consoleChecks(form: WorkloadForm, names: ReadonlySet<string>): FormProblem[] {
  const found: FormProblem[] = [];
  const add = (field: WorkloadField, rule: string, key: string) =>
    found.push({ field, rule, severity: 'error', key, params: { name: form.name } });
  // D2: pod names are `<name>-<hash>-<5 chars>`, so the name must be a DNS-1123 label.
  const nameProblem = namespaceNameProblem(form.name, names);
  if (nameProblem !== undefined) add('name', 'D2', `workloads.problem.name.${nameProblem}`);
  if (form.image.trim() === '' || /\s/.test(form.image.trim()))
    add('image', 'K8s', 'workloads.problem.image');
  const replicas = numberOrRaw(form.replicas);
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    add('replicas', 'K8s', 'workloads.problem.replicas');
  const port = numberOrRaw(form.port);
  const validPort =
    typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
  if (port !== undefined && !validPort) add('port', 'K8s', 'workloads.problem.port');
  return found;
}

export interface WorkloadLookups {
  /** Names of the namespace's Deployments (a new name must be free). */
  names: ReadonlySet<string>;
  /** The namespace's EIP pools and Deployments (E4 existence, E8 capacity). */
  pools: unknown[];
  deployments: unknown[];
  /** Image snapshots by name with their phase (S3: a named one must be Available). */
  snapshots: ReadonlyMap<string, string | undefined>;
}

export function ruleContext(namespace: string, lookups: WorkloadLookups): RuleContext {
  const poolNames = new Set(
    lookups.pools.map((p) => (p as { metadata?: { name?: string } }).metadata?.name),
  );
  return {
    namespace,
    eipPool: (_ns, name) => (poolNames.has(name) ? {} : undefined),
    imageSnapshot: (name) =>
      lookups.snapshots.has(name) ? { phase: lookups.snapshots.get(name) } : undefined,
    operation: 'CREATE',
  };
}

/** Every problem of the form: console checks first, then the CCI rules on the manifest. */
export function workloadProblems(
  form: WorkloadForm,
  doc: Record<string, unknown>,
  namespace: string,
  lookups: WorkloadLookups,
): FormProblem[] {
  const rules = validateDocument(doc, ruleContext(namespace, lookups))
    // A name problem is already reported (once, translated) by the console check.
    .filter((v) => !(v.path.startsWith('metadata.name') && form.name === ''))
    .map((v) => ({
      field: fieldOfPath(v.path),
      rule: v.rule,
      severity: v.severity,
      message: v.message,
    }));
  return [...consoleChecks(form, lookups.names), ...rules];
}

/** E8: the chosen pool with this Deployment added, or undefined when no pool is chosen. */
export function poolCapacityWith(
  form: WorkloadForm,
  doc: Record<string, unknown>,
  lookups: WorkloadLookups,
): EipPoolCapacity | undefined {
  if (form.eip.mode !== 'pool' || form.eip.pool === '') return undefined;
  const pool = lookups.pools.filter(
    (p) => (p as { metadata?: { name?: string } }).metadata?.name === form.eip.pool,
  );
  return eipPoolCapacity(pool, [...lookups.deployments, doc])[0];
}
