import {
  containersOf,
  isDns1123Label,
  podSpecsOf,
  type PodSpecView,
  type StatusCause,
} from '@cci/model';
import type { AdmissionPlugin } from '../api/context.ts';
import { errors } from '../http/errors.ts';

/**
 * Pod validation CCI inherits from its Kubernetes API server, which the CCI rules do not
 * restate: a pod (or pod template) has at least one container, and every container, init
 * containers included, has a unique DNS-1123 label name. Messages are worded as Kubernetes'.
 */
export const podSpecAdmission: AdmissionPlugin = (request) => {
  if (request.operation === 'DELETE' || request.subresource !== undefined) return;
  const document = request.object as unknown as Record<string, unknown>;
  const causes = podSpecsOf(document).flatMap(podSpecCauses);
  if (causes.length > 0) throw errors.invalid(request.kind, request.object.metadata.name, causes);
};

export function podSpecCauses(pod: PodSpecView): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = pod.spec['containers'];
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({
      reason: 'FieldValueRequired',
      field: `${pod.specPath}.containers`,
      message: 'Required value',
    });
  }
  const seen = new Set<string>();
  for (const { name, path } of containersOf(pod)) {
    const field = `${path}.name`;
    if (name === '') {
      causes.push({ reason: 'FieldValueRequired', field, message: 'Required value' });
    } else if (!isDns1123Label(name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc')`,
      });
    } else if (seen.has(name)) {
      causes.push({ reason: 'FieldValueDuplicate', field, message: `Duplicate value: "${name}"` });
    }
    seen.add(name);
  }
  return causes;
}
