import { resourcePath } from '@cci/model';
import { redactSecrets, secretsOf } from '../proxy/redact.ts';
import type { Session } from '../session/types.ts';
import type { FeedContext, FeedTarget, KubeObject, WatchEventType } from './feed.ts';
import { itemsText } from './listText.ts';

/** CCI answered with an error Status (already stripped of the session's secrets). */
export class UpstreamStatusError extends Error {
  constructor(
    readonly code: number,
    readonly status: unknown,
  ) {
    super(`upstream answered ${code}`);
  }
}

/** Errors no retry can fix: the feed reports them and stops. 410 is handled by re-listing. */
export function isFatal(error: unknown): boolean {
  return (
    error instanceof UpstreamStatusError && [400, 401, 403, 404, 405, 422].includes(error.code)
  );
}

/** Objects in the first upstream list page (the first rows a tab paints), and per part of a
 * state sent to a late tab. */
export const pageSize = 500;
/** Objects in the following pages: fewer round trips and parts once the first rows are shown. */
const laterPageSize = 5_000;

function baseQuery(target: FeedTarget): URLSearchParams {
  const q = new URLSearchParams();
  if (target.labelSelector) q.set('labelSelector', target.labelSelector);
  return q;
}

async function statusError(session: Session, response: Response): Promise<UpstreamStatusError> {
  const text = redactSecrets(await response.text(), secretsOf(session.credentials));
  let status: unknown;
  try {
    status = JSON.parse(text);
  } catch {
    status = {
      kind: 'Status',
      status: 'Failure',
      code: response.status,
      message: text.slice(0, 500),
    };
  }
  return new UpstreamStatusError(response.status, status);
}

export interface ListPage {
  items: KubeObject[];
  /** The page's items as CCI wrote them, passed on to tabs without serializing them again. */
  itemsJson: string | undefined;
  /**
   * The first page's resourceVersion, the one a watch continues from. A real API server serves
   * every page of a paged list at that version; a server that answers later pages at newer
   * versions (the emulator does) only makes the watch replay a few events the pages already
   * show, which re-apply harmlessly. Watching from the last page's version would miss changes
   * to objects on earlier pages made while the list was being read.
   */
  resourceVersion: string;
  last: boolean;
}

/** Lists page by page (limit/continue), yielding each page as it arrives. */
export async function* listPages(
  ctx: FeedContext,
  session: Session,
  target: FeedTarget,
  signal: AbortSignal,
): AsyncGenerator<ListPage> {
  let continueToken = '';
  let resourceVersion: string | undefined;
  for (;;) {
    const q = baseQuery(target);
    q.set('limit', String(continueToken ? laterPageSize : pageSize));
    if (continueToken) q.set('continue', continueToken);
    const response = await ctx.upstream.request(session, {
      method: 'GET',
      path: resourcePath(target.kind, { namespace: target.namespace }),
      query: q.toString(),
      headers: { Accept: 'application/json' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(ctx.listTimeoutMs)]),
    });
    if (response.status !== 200) throw await statusError(session, response);
    const text = await response.text();
    const page = JSON.parse(text) as {
      items?: KubeObject[];
      metadata?: { resourceVersion?: string; continue?: string };
    };
    resourceVersion ??= page.metadata?.resourceVersion ?? '';
    continueToken = page.metadata?.continue ?? '';
    const items = page.items ?? [];
    yield { items, itemsJson: itemsText(text), resourceVersion, last: !continueToken };
    if (!continueToken) return;
  }
}

/** Every page at once (polled kinds, which are small). */
export async function listAll(
  ctx: FeedContext,
  session: Session,
  target: FeedTarget,
  signal: AbortSignal,
): Promise<{ items: KubeObject[]; resourceVersion: string }> {
  const items: KubeObject[] = [];
  let resourceVersion = '';
  for await (const page of listPages(ctx, session, target, signal)) {
    for (const item of page.items) items.push(item);
    resourceVersion = page.resourceVersion;
  }
  return { items, resourceVersion };
}

export type WatchLine =
  | { type: WatchEventType; object: KubeObject }
  | { type: 'BOOKMARK'; object: KubeObject }
  | { type: 'ERROR'; object: { code?: number } & Record<string, unknown> };

/** Opens a watch from `resourceVersion` and yields its events until the stream ends. */
export async function* watchFrom(
  ctx: FeedContext,
  session: Session,
  target: FeedTarget,
  resourceVersion: string,
  signal: AbortSignal,
): AsyncGenerator<WatchLine> {
  const q = baseQuery(target);
  q.set('watch', '1');
  q.set('resourceVersion', resourceVersion);
  q.set('allowWatchBookmarks', 'true');
  // Like client-go: watches end on their own now and then and are resumed, so no connection
  // (or proxy in between) is trusted to stay healthy forever.
  q.set('timeoutSeconds', String(300 + Math.floor(Math.random() * 300)));
  const response = await ctx.upstream.request(session, {
    method: 'GET',
    path: resourcePath(target.kind, { namespace: target.namespace }),
    query: q.toString(),
    headers: { Accept: 'application/json' },
    signal,
  });
  if (response.status !== 200 || !response.body) throw await statusError(session, response);
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line) as WatchLine;
      newline = buffered.indexOf('\n');
    }
  }
}
