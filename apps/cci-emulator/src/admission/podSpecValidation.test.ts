import { findKindByApiVersion, type KindDescriptor } from '@cci/model';
import { describe, expect, it } from 'vitest';
import type { AdmissionRequest } from '../api/context.ts';
import { ApiError } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';
import { podSpecAdmission } from './podSpecValidation.ts';

function admit(
  object: Record<string, unknown>,
  operation: AdmissionRequest['operation'] = 'CREATE',
) {
  const kind = findKindByApiVersion(String(object['apiVersion']), String(object['kind']));
  const request = {
    operation,
    kind: kind as KindDescriptor,
    namespace: 'demo',
    object: object as unknown as KubeObject,
    oldObject: undefined,
    subresource: undefined,
    store: undefined as never,
  } satisfies AdmissionRequest;
  try {
    podSpecAdmission(request);
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return error;
  }
}

const pod = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec,
});

describe('podSpecAdmission (Kubernetes pod validation CCI inherits)', () => {
  it('accepts a pod with uniquely named containers', () => {
    const ok = pod({
      initContainers: [{ name: 'wait', image: 'busybox' }],
      containers: [{ name: 'app', image: 'nginx' }],
    });
    expect(admit(ok)).toBeUndefined();
  });

  it('refuses a pod without containers, as Kubernetes words it', () => {
    const error = admit(pod({ containers: [] }));
    expect(error?.code).toBe(422);
    expect(error?.message).toBe('Pod "p" is invalid: spec.containers: Required value');
  });

  it('refuses duplicate names across init and app containers, and names that are not labels', () => {
    const error = admit(
      pod({
        initContainers: [{ name: 'app', image: 'busybox' }],
        containers: [
          { name: 'app', image: 'nginx' },
          { name: 'Side_Car', image: 'nginx' },
        ],
      }),
    );
    expect(error?.message).toContain('spec.containers[0].name: Duplicate value: "app"');
    expect(error?.message).toContain('spec.containers[1].name: Invalid value: "Side_Car"');
  });

  it('checks the pod template of a Deployment at its path', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [{ image: 'nginx' }] } } },
    };
    expect(admit(deployment)?.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.spec.containers[0].name: Required value',
    );
  });

  it('leaves deletes alone', () => {
    expect(admit(pod({ containers: [] }), 'DELETE')).toBeUndefined();
  });
});
