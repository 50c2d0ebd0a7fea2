import type { Caller } from './access.ts';
import type { WatchSink } from './watch.ts';

/** One API request as the HTTP server hands it to the router (and the router to pod proxying). */
export interface ApiRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The authenticated caller; every resource request is authorised against its project. */
  caller: Caller;
  /** For watches: the open response. */
  sink: () => WatchSink;
}
