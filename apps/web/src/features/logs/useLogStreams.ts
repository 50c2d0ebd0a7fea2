import { useEffect, useRef, useState } from 'react';
import { logsApi, type PodLogOptions } from '../../lib/kube/bff.ts';
import type { ApiError } from '../../lib/kube/http.ts';
import { insertByTime, LineSplitter, parseLine, type FollowEnd, type LogLine } from './logModel.ts';

/** One pod's log in the view; `container` empty lets the API server pick the only one. */
export interface LogSource {
  pod: string;
  container: string;
}

export interface LogStreams {
  /** Every line so far, ordered by time when there are several pods. Mutated in place. */
  lines: LogLine[];
  /** Changes whenever `lines` did (at most once per animation frame). */
  version: number;
  /** Per pod: why its follow ended, or the refusal of its request. */
  ends: Record<string, FollowEnd>;
  errors: Record<string, ApiError | Error>;
  loading: boolean;
}

/** The most lines kept in the browser; older ones are dropped first (download has them all). */
export const MAX_LINES = 200_000;

/**
 * Reads the logs of the sources from the BFF, following when asked: each pod's stream is read
 * with fetch's ReadableStream, cut into lines and merged by time. A source added later (a pod
 * that started while following) opens its own stream; one removed keeps its lines.
 */
export function useLogStreams(
  namespace: string,
  sources: readonly LogSource[],
  options: Omit<PodLogOptions, 'container' | 'download'>,
  /** Workload logs: lines carry their pod and are merged by time. */
  workload: boolean,
): LogStreams {
  const [state, setState] = useState<Omit<LogStreams, 'lines'>>(empty);
  const lines = useRef<LogLine[]>([]);
  const frame = useRef(0);
  const run = useRef({ abort: new AbortController(), started: new Set<string>() });
  const optionsKey = JSON.stringify(options);
  const sourcesKey = sources.map((s) => `${s.pod}/${s.container}`).join(',');

  // New options (or namespace): everything starts again.
  useEffect(() => {
    const current = { abort: new AbortController(), started: new Set<string>() };
    run.current = current;
    lines.current = [];
    setState(empty());
    return () => {
      current.abort.abort();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [namespace, optionsKey, workload]);

  // New sources (a pod that started while following) join; the others go on.
  useEffect(() => {
    const { abort, started } = run.current;
    const bump = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        setState((s) => ({ ...s, version: s.version + 1 }));
      });
    };
    const add = (raw: string[], pod: string) => {
      const target = lines.current;
      for (const text of raw) {
        const line = parseLine(text, workload ? pod : undefined);
        if (workload) insertByTime(target, line);
        else target.push(line);
      }
      if (target.length > MAX_LINES) target.splice(0, target.length - MAX_LINES);
      bump();
    };
    const settle = (patch: (s: Omit<LogStreams, 'lines'>) => Partial<Omit<LogStreams, 'lines'>>) =>
      setState((s) => ({ ...s, ...patch(s) }));
    const fresh = sources.filter((s) => !started.has(`${s.pod}/${s.container}`));
    if (started.size === 0 && fresh.length === 0) settle(() => ({ loading: false }));
    let pending = fresh.length;
    const asked = JSON.parse(optionsKey) as PodLogOptions;
    for (const source of fresh) {
      started.add(`${source.pod}/${source.container}`);
      const container = source.container || undefined;
      void readLog(namespace, source.pod, { ...asked, container }, abort.signal, (raw) =>
        add(raw, source.pod),
      )
        .then((end) => {
          if (end) settle((s) => ({ ends: { ...s.ends, [source.pod]: end } }));
        })
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          const e = error instanceof Error ? error : new Error(String(error));
          settle((s) => ({ errors: { ...s.errors, [source.pod]: e } }));
        })
        .finally(() => {
          if (abort.signal.aborted) return;
          if (--pending <= 0) settle(() => ({ loading: false }));
        });
    }
    // sourcesKey and optionsKey stand for sources and options (new arrays every render)
  }, [namespace, sourcesKey, optionsKey, workload]);

  return { ...state, lines: lines.current };
}

function empty(): Omit<LogStreams, 'lines'> {
  return { version: 0, ends: {}, errors: {}, loading: true };
}

/** Reads one pod's log to its end (or until aborted); resolves with the follow's end reason. */
async function readLog(
  namespace: string,
  pod: string,
  options: PodLogOptions,
  signal: AbortSignal,
  onLines: (lines: string[]) => void,
): Promise<FollowEnd | undefined> {
  const response = await logsApi.open(namespace, pod, options, signal);
  const splitter = new LineSplitter();
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = splitter.push(decoder.decode(value, { stream: true }));
    if (lines.length > 0) onLines(lines);
  }
  const rest = splitter.finish();
  if (rest.length > 0) onLines(rest);
  return splitter.end;
}
