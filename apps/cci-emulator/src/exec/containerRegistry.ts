// The containers of live pods, created on first use (an exec, a probe) and dropped when the pod
// is deleted or replaced by a pod of the same name (a new uid): state lives exactly as long as
// the pod.
import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { ObjectStore } from '../store/objectStore.ts';
import type { KubeObject } from '../store/types.ts';
import { seedPodContainers, type ObjectLookup, type PodSpecShape } from './containerFs.ts';
import type { ContainerState } from './containerState.ts';

function kind(plural: string): KindDescriptor {
  return findKindByResource('', 'v1', plural) as KindDescriptor;
}

export class ContainerRegistry {
  private readonly pods = new Map<string, Map<string, ContainerState>>();
  /** Held only while some pod has state, so an emulator nobody execs into has no watcher. */
  private watch: { cancel: () => void } | 'gone' | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
  ) {}

  #forget(uid: string): void {
    this.pods.delete(uid);
    if (this.pods.size === 0) this.#unwatch();
  }

  #unwatch(): void {
    if (this.watch && this.watch !== 'gone') this.watch.cancel();
    this.watch = undefined;
  }

  #watchDeletions(): void {
    this.watch ??= this.store.watch(
      {
        storageKey: kind('pods').storageKey,
        namespace: undefined,
        matches: () => true,
        send: (type, _json, pod) => {
          if (type === 'DELETED') this.#forget(pod.metadata.uid ?? '');
        },
      },
      undefined,
    );
  }

  /** The container's state, or undefined when the pod has no such app container. */
  container(pod: KubeObject, name: string): ContainerState | undefined {
    const uid = pod.metadata.uid ?? '';
    let containers = this.pods.get(uid);
    if (!containers) {
      containers = seedPodContainers(pod as unknown as PodSpecShape, this.lookup(), this.now);
      // A pod already gone (deleted while we looked) must not leave state behind.
      const live = this.store.get(
        kind('pods').storageKey,
        pod.metadata.namespace ?? '',
        pod.metadata.name,
      );
      if (live?.metadata.uid === uid) {
        this.#watchDeletions();
        this.pods.set(uid, containers);
      }
    }
    return containers.get(name);
  }

  /** How many pods have container state (for tests of the lifetime). */
  get size(): number {
    return this.pods.size;
  }

  close(): void {
    this.#unwatch();
    this.pods.clear();
  }

  private lookup(): ObjectLookup {
    const data = (plural: string, ns: string, name: string) =>
      this.store.get(kind(plural).storageKey, ns, name)?.['data'] as
        Record<string, string> | undefined;
    return {
      configMap: (ns, name) => data('configmaps', ns, name),
      secret: (ns, name) => data('secrets', ns, name),
    };
  }
}
