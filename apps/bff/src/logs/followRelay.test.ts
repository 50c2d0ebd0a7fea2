import { describe, expect, it } from 'vitest';
import { LiveActivity } from '../live/liveActivity.ts';
import { END_RECORD_MARK, followRelay, type FollowEnd } from './followRelay.ts';

/** An upstream that sends the given chunks, then stays open (a quiet follow) or ends. */
function upstream(chunks: string[], end: boolean) {
  return new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      if (end) c.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text;
}

function relay(chunks: string[], end: boolean, maxBytes = 1_000, idleMs = 60_000) {
  const stops: string[] = [];
  const r = followRelay({
    upstream: upstream(chunks, end),
    secrets: ['s3cr3t-token-value'],
    maxBytes,
    activity: (onIdle) =>
      new LiveActivity(
        { id: 's' },
        { idleMs, sessionIdleMs: 60_000, touchEveryMs: 1_000 },
        { sessions: { get: async () => undefined, touch: async () => undefined }, now: Date.now },
        onIdle,
      ),
    reasonAtEnd: () => Promise.resolve<FollowEnd>('podDeleted'),
    onStop: (reason) => stops.push(reason),
  });
  return { ...r, stops };
}

describe('a followed log relayed with the BFF limits', () => {
  it('ends with the reason the upstream end had, after a line break when the last line had none', async () => {
    const r = relay(['line 1\nline', ' 2'], true);
    expect(await readAll(r.body)).toBe(`line 1\nline 2\n${END_RECORD_MARK}{"end":"podDeleted"}\n`);
    expect(r.stops).toEqual(['podDeleted']);
  });

  it('cuts at the byte cap exactly and says so', async () => {
    const r = relay(['0123456789', 'abcdefghij'], false, 15);
    const text = await readAll(r.body);
    expect(text).toBe(`0123456789abcde\n${END_RECORD_MARK}{"end":"byteCap"}\n`);
  });

  it('masks the session secret even across chunks', async () => {
    const r = relay(['token=s3cr3t-to', 'ken-value ok\n'], true);
    const text = await readAll(r.body);
    expect(text).not.toContain('s3cr3t');
    expect(text.startsWith('token=******************')).toBe(true);
  });

  it('ends a silent follow after the idle time, and at once when stopped', async () => {
    const idle = relay(['hello\n'], false, 1_000, 50);
    expect(await readAll(idle.body)).toBe(`hello\n${END_RECORD_MARK}{"end":"idle"}\n`);
    const stopped = relay([], false);
    stopped.stop('sessionEnded');
    expect(await readAll(stopped.body)).toBe(`${END_RECORD_MARK}{"end":"sessionEnded"}\n`);
    expect(stopped.stops).toEqual(['sessionEnded']);
  });
});
