import type { LocalizedText } from '../rules/types.ts';

/**
 * The Kubernetes `Status` (metav1.Status) every failing answer carries: the emulator and CCI
 * send it, the BFF passes theirs through and answers its own errors with one, and the web reads
 * it. The BFF adds `messageKey` and `messages` (the message in both UI languages).
 */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'Expired'
  | 'InternalError';

export interface StatusCause {
  /** FieldValueRequired, FieldValueInvalid... */
  reason?: string;
  /** The JSON path of the field at fault (metadata.name, spec.containers[0].image). */
  field?: string;
  message?: string;
  /** BFF only: the key of its messages, and the message in both UI languages. */
  messageKey?: string;
  messages?: LocalizedText;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  /** With 429 (and the emulator's 503): when to try again. */
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { resourceVersion?: string };
  status: 'Success' | 'Failure';
  /** A success (a DELETE's answer) may carry only `details`. */
  message?: string;
  reason?: StatusReason | (string & {});
  code?: number;
  details?: StatusDetails;
  /** CCI's own error code where its documentation defines one (CCI.02.409101). */
  errorCode?: string;
  /** BFF only, as on StatusCause. */
  messageKey?: string;
  messages?: LocalizedText;
}

/** A cause as the BFF writes it: always with its message key and both languages. */
export type LocalizedStatusCause = StatusCause & {
  reason: string;
  message: string;
  messageKey: string;
  messages: LocalizedText;
};

/** A Status as the BFF writes it (its own failures, never one passed through from CCI). */
export type LocalizedStatus = Status & {
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  messageKey: string;
  messages: LocalizedText;
  details?: Omit<StatusDetails, 'causes'> & { causes?: LocalizedStatusCause[] } & Record<
      string,
      unknown
    >;
};

/** Whether a parsed body is a Status (a list or an object is not). */
export function isStatus(body: unknown): body is Status {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { kind?: unknown }).kind === 'Status' &&
    typeof (body as { code?: unknown }).code === 'number'
  );
}
