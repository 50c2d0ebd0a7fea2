/**
 * The BFF's session API: `POST /api/session` takes a {@link SignInBody} and answers a
 * {@link SessionView} (201), `GET /api/session` answers the view, `DELETE` signs out, and
 * `GET /api/regions` answers {@link RegionsView} for the sign-in page. Errors are Statuses.
 */
import type { LocalizedText } from '../rules/types.ts';

/** What the browser may know about its session: who and where, never a token, AK or SK. */
export interface SessionView {
  user: string;
  domain: string;
  /** Not a secret: the account id the Network manifest needs (N4's domain-id annotation). */
  domainId: string;
  region: string;
  project: { id: string; name: string };
  method: 'password' | 'aksk';
  /** ISO 8601: when the session ends at the latest. */
  expiresAt: string;
  idleTimeoutSeconds: number;
}

/** A2: a project by name (the console defaults it to the region) or by id, not both. */
interface ProjectChoice {
  projectName?: string;
  projectId?: string;
}

/** The body of `POST /api/session` (A2-A5). Without `userName`, the account's main user signs in. */
export type SignInBody =
  | ({
      method: 'password';
      region: string;
      domainName: string;
      userName?: string;
      password: string;
    } & ProjectChoice)
  | ({ method: 'aksk'; region: string; accessKey: string; secretKey: string } & ProjectChoice);

export interface RegionsView {
  /** A1 names in both languages. */
  regions: { id: string; name: string | LocalizedText }[];
  /** In demo mode, the public demo account the sign-in page offers. */
  demo?: { domain: string; user: string; password: string };
}
