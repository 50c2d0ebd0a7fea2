/**
 * A signed-in user, held only on the server. The browser gets an opaque session id in a cookie;
 * nothing below ever leaves the BFF.
 */
export type Credentials =
  | { kind: 'token'; token: string; expiresAt: number }
  | { kind: 'aksk'; accessKey: string; secretKey: string };

export interface Session {
  /** 256-bit random id (base64url); the cookie value. */
  id: string;
  region: string;
  user: { name: string; id?: string };
  domain: { name: string; id?: string };
  project: { name: string; id: string };
  credentials: Credentials;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end of the session (never after token expiry minus a margin). */
  expiresAt: number;
}

/** Kept an interface: a shared store (Redis, SQL) replaces the in-memory one later. */
export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  set(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Records activity: sets lastSeenAt on a session that still exists and returns it, or returns
   * undefined. Never recreates a session deleted meanwhile (a sign-out racing a request).
   */
  touch(id: string, lastSeenAt: number): Promise<Session | undefined>;
}
