import type { KindDescriptor } from '@cci/model';
import type { ObjectStore } from '../store/objectStore.ts';
import type { KubeObject } from '../store/types.ts';

/** The emulator's time: real by default, advanced by hand in tests (issue: simulated time). */
export interface Clock {
  now(): Date;
}

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: AdmissionOperation;
  kind: KindDescriptor;
  namespace: string | undefined;
  object: KubeObject;
  oldObject: KubeObject | undefined;
  subresource: string | undefined;
  store: ObjectStore;
}

/**
 * A CCI rule enforced at the API: it may mutate (defaults), reject (throw ApiError) or warn.
 * Returned warnings reach the client as `Warning:` headers, which kubectl prints.
 */
export type AdmissionPlugin = (
  request: AdmissionRequest,
) => { object?: KubeObject; warnings?: string[] } | void;

export interface ApiContext {
  store: ObjectStore;
  clock: Clock;
  admission: readonly AdmissionPlugin[];
  /** The project owning what carries no project of its own (api/tenancy.ts); '' for none. */
  defaultProjectId?: string;
}

export interface WriteResult {
  object: KubeObject;
  status: number;
  warnings: string[];
}

export function runAdmission(
  ctx: ApiContext,
  request: Omit<AdmissionRequest, 'store'>,
): { object: KubeObject; warnings: string[] } {
  let object = request.object;
  const warnings: string[] = [];
  for (const plugin of ctx.admission) {
    const result = plugin({ ...request, object, store: ctx.store });
    if (result?.object) object = result.object;
    if (result?.warnings) warnings.push(...result.warnings);
  }
  return { object, warnings };
}
