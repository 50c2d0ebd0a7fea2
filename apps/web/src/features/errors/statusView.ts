import type { Status } from '@cci/model';
import { ApiError } from '../../lib/kube/http.ts';
import type { Language } from '../../i18n/i18n.ts';

export interface StatusCauseView {
  field: string;
  reason: string;
  message: string;
}

/** What an error alert shows: nothing of the upstream Status is dropped or shortened. */
export interface StatusView {
  code: number | undefined;
  reason: string;
  errorCode: string | undefined;
  /** kind/name the Status is about, when it says. */
  object: string | undefined;
  message: string;
  causes: StatusCauseView[];
}

/** undefined for errors that carry no Status (network failures, bugs). */
export function statusView(error: unknown, language: Language): StatusView | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const body: Partial<Status> = error.body ?? {};
  const details = body.details;
  const object = details?.name
    ? `${details.kind ? `${details.kind}/` : ''}${details.name}`
    : undefined;
  return {
    code: body.code ?? error.status,
    reason: body.reason ?? '',
    errorCode: body.errorCode,
    object,
    message: error.localized(language),
    causes: (details?.causes ?? []).map((c) => ({
      field: c.field ?? '',
      reason: c.reason ?? '',
      message: c.messages?.[language] ?? c.message ?? '',
    })),
  };
}
