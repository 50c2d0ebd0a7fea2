import { apiVersionOf, type KindDescriptor } from '@cci/model';
import { errors } from '../http/errors.ts';
import type { KubeObject, WatchEventType } from '../store/types.ts';
import type { ApiContext } from './context.ts';
import { asRequestedVersion, inRequestedVersion } from './list.ts';
import { selectionFromQuery } from './selection.ts';

export interface WatchSink {
  /** Sends the 200 headers: called once the stream is known to start (JSON unless told). */
  open(contentType?: string): void;
  write(chunk: string): void;
  end(): void;
  onClose(listener: () => void): void;
}

export interface WatchOptions {
  /** Renders an object as kubectl asked (plain JSON or a one-row Table). */
  render?: ((obj: KubeObject) => string) | undefined;
  bookmarkIntervalMs: number;
  /** What of the resource the caller's project may see (api/access.ts). */
  visible?: ((obj: KubeObject) => boolean) | undefined;
}

/**
 * Streams watch events, newline-delimited JSON as the API server does. The history check runs
 * before anything is written, so a too-old resourceVersion is a plain HTTP 410.
 */
export function startWatch(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  query: URLSearchParams,
  sink: WatchSink,
  options: WatchOptions,
): void {
  if (!kind.supportsWatch) {
    // Rule S4: CCI has no watch for image snapshots; clients poll.
    throw errors.methodNotAllowed(
      `watch is not supported for ${kind.plural}.${kind.group}: poll with list instead`,
    );
  }
  const selected = selectionFromQuery(kind, query) ?? (() => true);
  const visible = options.visible;
  const matches = visible ? (obj: KubeObject) => visible(obj) && selected(obj) : selected;
  const rvText = query.get('resourceVersion') ?? '';
  const fromRv = rvText === '' || rvText === '0' ? undefined : Number(rvText);
  if (fromRv !== undefined && !Number.isSafeInteger(fromRv))
    throw errors.badRequest(`resourceVersion: invalid value "${rvText}"`);

  const encode = (type: string, obj: KubeObject, json?: string): string => {
    const body = options.render ? options.render(obj) : (json ?? JSON.stringify(obj));
    return `{"type":"${type}","object":${body}}\n`;
  };
  const send = (type: WatchEventType, json: string, obj: KubeObject) => {
    sink.write(encode(type, asRequestedVersion(kind, obj), inRequestedVersion(kind, obj, json)));
  };
  const ns = kind.namespaced ? namespace : undefined;

  if (fromRv !== undefined && fromRv > ctx.store.resourceVersion) {
    // The API server's watch cache waits for a version it has not reached, then gives up with
    // an ERROR event; the store is always current, so there is nothing to wait for.
    const status = errors.tooLargeResourceVersion(fromRv, ctx.store.resourceVersion).toStatus();
    sink.open();
    sink.write(`{"type":"ERROR","object":${JSON.stringify(status)}}\n`);
    sink.end();
    return;
  }
  if (fromRv !== undefined) {
    // Resume after a list or a dropped watch: replay what happened since, checked before the
    // stream starts.
    if (!ctx.store.canResumeFrom(fromRv)) {
      throw errors.gone(`too old resource version: ${fromRv} (${ctx.store.resourceVersion})`);
    }
    sink.open();
    const started = ctx.store.watch(
      { storageKey: kind.storageKey, namespace: ns, matches, send },
      fromRv,
    );
    if (started === 'gone') throw errors.gone(`too old resource version: ${fromRv}`);
    return keepAlive(ctx, kind, query, sink, options, started.cancel);
  }
  // No version (or "0"): the current state as ADDED events, then live changes.
  sink.open();
  for (const entry of ctx.store.entries(kind.storageKey, ns)) {
    if (matches(entry.object)) send('ADDED', entry.json, entry.object);
  }
  const started = ctx.store.watch(
    { storageKey: kind.storageKey, namespace: ns, matches, send },
    undefined,
  );
  if (started === 'gone') throw errors.gone('watch history unavailable');
  keepAlive(ctx, kind, query, sink, options, started.cancel);
}

function keepAlive(
  ctx: ApiContext,
  kind: KindDescriptor,
  query: URLSearchParams,
  sink: WatchSink,
  options: WatchOptions,
  cancel: () => void,
): void {
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  const stop = () => {
    if (closed) return;
    closed = true;
    cancel();
    for (const t of timers) clearTimeout(t);
  };
  sink.onClose(stop);
  const timeout = Number(query.get('timeoutSeconds') ?? '0');
  if (query.get('allowWatchBookmarks') === 'true') {
    const bookmark = () => {
      const object = {
        kind: kind.kind,
        apiVersion: apiVersionOf(kind),
        metadata: { resourceVersion: String(ctx.store.resourceVersion) },
      };
      sink.write(`{"type":"BOOKMARK","object":${JSON.stringify(object)}}\n`);
    };
    const interval = setInterval(bookmark, options.bookmarkIntervalMs);
    interval.unref();
    timers.push(interval);
    // As the API server's watch cache: one more bookmark 2 s before the watch times out, so a
    // client resumes from a fresh version rather than the last event it happened to see.
    if (timeout > 2) {
      const last = setTimeout(bookmark, (timeout - 2) * 1000);
      last.unref();
      timers.push(last);
    }
  }
  if (timeout > 0) {
    const t = setTimeout(() => {
      stop();
      sink.end();
    }, timeout * 1000);
    t.unref();
    timers.push(t);
  }
}
