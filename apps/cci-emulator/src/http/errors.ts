import type { Status, StatusCause, StatusDetails, StatusReason } from '@cci/model';

const cciErrorCodes: Partial<Record<StatusReason, string>> = {
  AlreadyExists: 'CCI.02.409101',
};

/**
 * Every failure the API answers is an ApiError rendered as a Kubernetes `Status`, with the CCI
 * `errorCode` where the CCI documentation defines one.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    const errorCode = cciErrorCodes[this.reason];
    if (errorCode) status.errorCode = errorCode;
    return status;
  }
}

/** `pods`, `deployments.apps`: how Kubernetes names a resource in messages. */
export interface ResourceRef {
  group: string;
  plural: string;
  kind: string;
}

function qualified(r: ResourceRef): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

export const errors = {
  notFound: (r: ResourceRef, name: string) =>
    new ApiError(404, 'NotFound', `${qualified(r)} "${name}" not found`, {
      name,
      group: r.group,
      kind: r.plural,
    }),
  alreadyExists: (r: ResourceRef, name: string) =>
    new ApiError(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, {
      name,
      group: r.group,
      kind: r.plural,
    }),
  conflict: (r: ResourceRef, name: string) =>
    new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(r)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      { name, group: r.group, kind: r.plural },
    ),
  invalid: (r: ResourceRef, name: string, causes: StatusCause[]) =>
    new ApiError(
      422,
      'Invalid',
      `${r.kind}${r.group ? `.${r.group}` : ''} "${name}" is invalid: ${causes
        .map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
        .join(', ')}`,
      { name, group: r.group, kind: r.kind, causes },
    ),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  methodNotAllowed: (message = 'the server does not allow this method on the requested resource') =>
    new ApiError(405, 'MethodNotAllowed', message),
  notFoundPath: () =>
    new ApiError(404, 'NotFound', 'the server could not find the requested resource'),
  gone: (message: string) => new ApiError(410, 'Expired', message),
  /** What the API server answers for a resourceVersion it has not reached; clients retry. */
  tooLargeResourceVersion: (asked: number, current: number) =>
    new ApiError(
      504,
      'Timeout',
      `Timeout: Too large resource version: ${asked}, current: ${current}`,
      {
        causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
        retryAfterSeconds: 1,
      },
    ),
  /** Kubernetes' validation error for query options (ListOptions.meta.k8s.io). */
  invalidListOptions: (causes: StatusCause[]) =>
    new ApiError(
      422,
      'Invalid',
      `ListOptions.meta.k8s.io "" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
      { name: '', group: 'meta.k8s.io', kind: 'ListOptions', causes },
    ),
  unauthorized: (message = 'Unauthorized') => new ApiError(401, 'Unauthorized', message),
  forbidden: (message: string, details?: StatusDetails) =>
    new ApiError(403, 'Forbidden', message, details),
  unsupportedMediaType: (message: string) => new ApiError(415, 'UnsupportedMediaType', message),
  tooLarge: (message: string) => new ApiError(413, 'RequestEntityTooLarge', message),
  unavailable: (message: string) => new ApiError(503, 'ServiceUnavailable', message),
};
