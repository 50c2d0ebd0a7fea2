/** Test support for the live stream: a small Server-Sent Events reader over fetch. */
export interface SseEvent {
  event: string;
  // Test code reads fields freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

export interface SseClient {
  stream: string;
  events: SseEvent[];
  comments: number;
  /** The SSE `retry` the stream set (ms), if any. */
  retryMs?: number;
  ended: Promise<void>;
  /** Resolves with the first event (already received or coming) that matches. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const client = { events, comments: 0 } as SseClient;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  client.ended = (async () => {
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        let split = buffered.indexOf('\n\n');
        while (split !== -1) {
          const frame = buffered.slice(0, split);
          buffered = buffered.slice(split + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          const retry = /^retry: (\d+)$/m.exec(frame)?.[1];
          if (retry !== undefined) client.retryMs = Number(retry);
          if (frame.startsWith(':')) client.comments++;
          // As EventSource: a block without data dispatches no event.
          else if (data !== undefined) {
            const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
            events.push({ event, data: JSON.parse(data) });
          }
          for (const w of [...waiters]) w();
          split = buffered.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    } finally {
      for (const w of [...waiters]) w();
    }
  })();
  client.waitFor = (match, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `no matching event in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  client.close = () => abort.abort();
  const ready = await client.waitFor((e) => e.event === 'ready');
  client.stream = ready.data.stream as string;
  return client;
}

/** Names of the objects in a snapshot/reset. */
export function namesIn(event: SseEvent): string[] {
  return (event.data.items as { metadata: { name: string } }[]).map((i) => i.metadata.name).sort();
}
