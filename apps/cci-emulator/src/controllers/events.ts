import { findKindByResource, type KindDescriptor } from '@cci/model';
import type { ApiContext } from '../api/context.ts';
import { randomSuffix, timestamp } from '../api/metadata.ts';
import { tenantAnnotations } from '../api/tenancy.ts';
import type { KubeObject } from '../store/types.ts';

export interface EventInput {
  involved: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The component, e.g. "default-scheduler", "kubelet", "deployment-controller". */
  source: string;
}

const eventKind = findKindByResource('', 'v1', 'events') as KindDescriptor;

/** Writes a core/v1 Event about an object, as the component named in `source` would. */
export function recordEvent(api: ApiContext, input: EventInput): void {
  const { involved } = input;
  const namespace = involved.metadata.namespace ?? 'default';
  const now = timestamp(api.clock.now());
  const event: KubeObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.metadata.name}.${randomSuffix(10)}`,
      namespace,
      uid: crypto.randomUUID(),
      creationTimestamp: now,
      // An event about a cluster-scoped object lives in "default": it carries the object's
      // project so that only the project that owns the object sees it.
      ...(involved.metadata.namespace ? {} : tenantAnnotations(involved)),
    },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
    },
    reason: input.reason,
    message: input.message,
    type: input.type,
    source: { component: input.source },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  // Events skip admission: they are the server's own record.
  api.store.put(eventKind.storageKey, event);
}
