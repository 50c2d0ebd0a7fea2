/**
 * The namespace-then-network creation as a resumable job. What the browser keeps (localStorage,
 * keyed by region and name) is only the intent: the two manifests and whether the user chose to
 * create or to delete. Where the job stands is always re-derived from the server, so a reload,
 * a second tab or a change made with kubectl never leaves the screen telling a stale story.
 */
import { asText, field, type KubeObject } from '../resources/objects.ts';
import { ofKind } from '../../lib/kube/objects.ts';

export type JobIntent = 'create' | 'delete';

export interface NamespaceJob {
  region: string;
  name: string;
  namespace: Record<string, unknown>;
  network: Record<string, unknown>;
  intent: JobIntent;
  /** The last creation request that failed (the server's message), shown until the next try. */
  error?: { step: 'namespace' | 'network'; message: string } | undefined;
}

const PREFIX = 'cci.namespaceJob.';

export function jobStorageKey(region: string, name: string): string {
  return `${PREFIX}${region}.${name}`;
}

export function saveJob(storage: Storage, job: NamespaceJob): void {
  storage.setItem(jobStorageKey(job.region, job.name), JSON.stringify(job));
}

export function loadJob(storage: Storage, region: string, name: string): NamespaceJob | undefined {
  const text = storage.getItem(jobStorageKey(region, name));
  if (!text) return undefined;
  try {
    const job = JSON.parse(text) as NamespaceJob;
    return job.region === region && job.name === name ? job : undefined;
  } catch {
    return undefined;
  }
}

export function removeJob(storage: Storage, region: string, name: string): void {
  storage.removeItem(jobStorageKey(region, name));
}

/** Names of the unfinished jobs of a region (offered for resuming on the wizard's first page). */
export function listJobs(storage: Storage, region: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(`${PREFIX}${region}.`))
      names.push(key.slice(PREFIX.length + region.length + 1));
  }
  return names.sort();
}

/** Server state: undefined while loading, null when the object does not exist (404). */
export interface ServerState {
  namespace: KubeObject | null | undefined;
  network: KubeObject | null | undefined;
}

export type JobPhase =
  | { step: 'checking' }
  | { step: 'creatingNamespace' }
  | { step: 'creatingNetwork' }
  | { step: 'networkInitializing' }
  | { step: 'done' }
  | { step: 'networkFailed'; reason: string; message: string }
  | { step: 'namespaceFailed'; message: string }
  | { step: 'deleting' }
  | { step: 'deleted' };

export function networkState(network: KubeObject | null | undefined): string {
  return (network && ofKind<'Network'>(network).status?.state) || '';
}

/** Where the job stands, from its intent, its last error and what the server holds. */
export function deriveJobPhase(job: NamespaceJob, server: ServerState): JobPhase {
  if (server.namespace === undefined) return { step: 'checking' };
  if (job.intent === 'delete')
    return server.namespace === null ? { step: 'deleted' } : { step: 'deleting' };
  if (server.namespace === null) {
    return job.error?.step === 'namespace'
      ? { step: 'namespaceFailed', message: job.error.message }
      : { step: 'creatingNamespace' };
  }
  if (server.namespace.metadata['deletionTimestamp']) return { step: 'deleting' };
  if (server.network === undefined) return { step: 'checking' };
  if (server.network === null) {
    return job.error?.step === 'network'
      ? { step: 'networkFailed', reason: 'Rejected', message: job.error.message }
      : { step: 'creatingNetwork' };
  }
  const state = networkState(server.network);
  if (state === 'Active') return { step: 'done' };
  if (state === 'Failed') {
    return {
      step: 'networkFailed',
      reason: asText(field(server.network, 'status.reason')),
      message: asText(field(server.network, 'status.message')),
    };
  }
  return { step: 'networkInitializing' };
}

/** Progress steps shown to the user, in order, with whether each is finished. */
export function progressOf(phase: JobPhase): {
  namespace: boolean;
  network: boolean;
  active: boolean;
} {
  switch (phase.step) {
    case 'creatingNetwork':
    case 'networkFailed':
      return { namespace: true, network: false, active: false };
    case 'networkInitializing':
      return { namespace: true, network: true, active: false };
    case 'done':
      return { namespace: true, network: true, active: true };
    default:
      return { namespace: false, network: false, active: false };
  }
}
