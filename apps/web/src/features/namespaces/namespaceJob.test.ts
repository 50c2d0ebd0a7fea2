import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import {
  deriveJobPhase,
  listJobs,
  loadJob,
  removeJob,
  saveJob,
  type NamespaceJob,
} from './namespaceJob.ts';

class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

const job: NamespaceJob = {
  region: 'cn-north-4',
  name: 'team-a',
  namespace: { kind: 'Namespace' },
  network: { kind: 'Network' },
  intent: 'create',
};
const ns: KubeObject = { metadata: { name: 'team-a' }, status: { phase: 'Active' } };
const net = (state: string, extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'team-a-network' },
  status: { state, ...extra },
});

describe('namespace creation job', () => {
  it('keeps the job per region and name, and lists a region’s unfinished jobs', () => {
    const storage = new MemoryStorage();
    saveJob(storage, job);
    saveJob(storage, { ...job, region: 'cn-east-3' });
    expect(loadJob(storage, 'cn-north-4', 'team-a')).toEqual(job);
    expect(listJobs(storage, 'cn-north-4')).toEqual(['team-a']);
    removeJob(storage, 'cn-north-4', 'team-a');
    expect(loadJob(storage, 'cn-north-4', 'team-a')).toBeUndefined();
    expect(listJobs(storage, 'cn-east-3')).toEqual(['team-a']);
  });

  it('N4 derives each step from the server: namespace, then network, then Active', () => {
    expect(deriveJobPhase(job, { namespace: undefined, network: undefined }).step).toBe('checking');
    expect(deriveJobPhase(job, { namespace: null, network: null }).step).toBe('creatingNamespace');
    expect(deriveJobPhase(job, { namespace: ns, network: null }).step).toBe('creatingNetwork');
    expect(deriveJobPhase(job, { namespace: ns, network: net('Initializing') }).step).toBe(
      'networkInitializing',
    );
    expect(deriveJobPhase(job, { namespace: ns, network: net('Active') }).step).toBe('done');
  });

  it('N4 a Failed network keeps the namespace and carries the reason', () => {
    const failed = net('Failed', { reason: 'SubnetNotFound', message: 'subnet fail-x not found' });
    expect(deriveJobPhase(job, { namespace: ns, network: failed })).toEqual({
      step: 'networkFailed',
      reason: 'SubnetNotFound',
      message: 'subnet fail-x not found',
    });
    const rejected = { ...job, error: { step: 'network' as const, message: 'N5: bad' } };
    expect(deriveJobPhase(rejected, { namespace: ns, network: null }).step).toBe('networkFailed');
  });

  it('a delete intent runs until the namespace is gone', () => {
    const deleting = { ...job, intent: 'delete' as const };
    expect(deriveJobPhase(deleting, { namespace: ns, network: null }).step).toBe('deleting');
    expect(deriveJobPhase(deleting, { namespace: null, network: null }).step).toBe('deleted');
    const terminating = { ...ns, metadata: { ...ns.metadata, deletionTimestamp: 'x' } };
    expect(deriveJobPhase(job, { namespace: terminating, network: null }).step).toBe('deleting');
  });
});
