import type { HTTPException } from 'hono/http-exception';
import { messages } from '../messages.ts';
import { statusBody, tooManyRequests, type Status } from '../status.ts';
import type { LiveKind, Registration } from './liveConnections.ts';

type Refused = Extract<Registration, { ok: false }>;

const said = (kind: LiveKind, refused: Refused) => {
  const seconds = refused.retryAfterSeconds;
  const message = refused.scope === 'session' ? messages.liveCapSession : messages.liveCapUser;
  return { message, params: { kind, limit: refused.limit, seconds }, seconds };
};

/** 429 with Retry-After and a Status naming the cap that was reached. */
export function capExceeded(kind: LiveKind, refused: Refused): HTTPException {
  const { message, params, seconds } = said(kind, refused);
  return tooManyRequests(message, params, seconds);
}

/** The same Status, for a connection already upgraded (a terminal's error channel). */
export function capExceededStatus(kind: LiveKind, refused: Refused): Status {
  const { message, params, seconds } = said(kind, refused);
  return statusBody(429, message, params, { retryAfterSeconds: seconds });
}
