import type { HTTPException } from 'hono/http-exception';
import { messages } from '../messages.ts';
import { tooManyRequests } from '../status.ts';
import type { LiveKind, Registration } from './liveConnections.ts';

type Refused = Extract<Registration, { ok: false }>;

/** 429 with Retry-After and a Status naming the cap that was reached. */
export function capExceeded(kind: LiveKind, refused: Refused): HTTPException {
  const seconds = refused.retryAfterSeconds;
  const message = refused.scope === 'session' ? messages.liveCapSession : messages.liveCapUser;
  return tooManyRequests(message, { kind, limit: refused.limit, seconds }, seconds);
}
