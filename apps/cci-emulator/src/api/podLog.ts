import type { KindDescriptor } from '@cci/model';
import { containerLog } from '../exporters/podLogs/containerLog.ts';
import { parseLogOptions, type PodLogOptions } from '../exporters/podLogs/logOptions.ts';
import type { LogTimeline } from '../exporters/podLogs/logTimeline.ts';
import {
  LimitedWriter,
  renderLine,
  retainedLines,
  selectLines,
} from '../exporters/podLogs/renderLog.ts';
import type { PodShape } from '../exporters/podShape.ts';
import { errors } from '../http/errors.ts';
import type { Reply } from '../http/respond.ts';
import type { KubeObject } from '../store/types.ts';
import type { ApiContext, Clock } from './context.ts';
import { getObject } from './resourceApi.ts';
import type { WatchSink } from './watch.ts';

interface SchedulingClock extends Clock {
  schedule(delayMs: number, fn: () => void): () => void;
}

function canSchedule(clock: Clock): clock is SchedulingClock {
  return typeof (clock as Partial<SchedulingClock>).schedule === 'function';
}

function options(query: URLSearchParams, name: string): PodLogOptions {
  const parsed = parseLogOptions(query);
  if (parsed.ok) return parsed.options;
  if (parsed.kind === 'BadRequest') throw errors.badRequest(parsed.message);
  throw errors.invalid({ group: '', plural: 'pods', kind: 'PodLogOptions' }, name, [
    {
      reason: 'FieldValueInvalid',
      message: parsed.message,
      ...(parsed.field ? { field: parsed.field } : {}),
    },
  ]);
}

/** The API server defaults the container only when the pod has exactly one. */
function containerName(pod: PodShape, requested: string | undefined): string {
  if (requested) return requested;
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  if (containers.length === 1) return containers[0] as string;
  const inits = (pod.spec?.initContainers ?? []).map((c) => c.name);
  throw errors.badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]` +
      (inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : ''),
  );
}

/**
 * GET pods/{name}/log: synthetic output of the emulated container (per image: nginx access log,
 * redis server log, the pi Job's digits, generic app lines), accruing with emulator time.
 * `follow` streams new lines as the emulator clock passes their times.
 */
export function podLog(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  query: URLSearchParams,
  openStream?: () => WatchSink,
): Reply {
  const pod = getObject(ctx, kind, namespace, name) as unknown as PodShape;
  const opts = options(query, name);
  const container = containerName(pod, opts.container);
  const log = containerLog(pod, container, opts.previous);
  if (!log.ok) throw errors.badRequest(log.message);
  const now = ctx.clock.now().getTime();
  const retained = retainedLines(pod.metadata.annotations);
  const { from, to } = selectLines(log.timeline, opts, now, retained);

  if (opts.follow && openStream && canSchedule(ctx.clock)) {
    const sink = openStream();
    sink.open('text/plain');
    const writer = new LimitedWriter(opts.limitBytes, (chunk) => sink.write(chunk));
    followLog({ ctx, kind, pod, container, opts, sink, writer, clock: ctx.clock }, log, from);
    return { type: 'streaming' };
  }
  const chunks: string[] = [];
  const writer = new LimitedWriter(opts.limitBytes, (chunk) => chunks.push(chunk));
  for (let i = from; i < to; i++)
    if (!writer.push(renderLine(log.timeline, i, opts.timestamps))) break;
  return { type: 'raw', status: 200, contentType: 'text/plain', body: chunks.join('') };
}

interface FollowContext {
  ctx: ApiContext;
  kind: KindDescriptor;
  pod: PodShape;
  container: string;
  opts: PodLogOptions;
  sink: WatchSink;
  writer: LimitedWriter;
  clock: SchedulingClock;
}

/**
 * Writes lines as emulated time reaches them; ends when the container instance ends or
 * restarts, the pod goes away, limitBytes is reached, or the client disconnects.
 */
function followLog(
  f: FollowContext,
  first: { timeline: LogTimeline; instance: string },
  from: number,
): void {
  let timeline = first.timeline;
  let next = from;
  let closed = false;
  let cancelTimer: (() => void) | undefined;

  const finish = () => {
    if (closed) return;
    closed = true;
    cancelTimer?.();
    watch.cancel();
    f.sink.end();
  };
  const pump = () => {
    if (closed) return;
    cancelTimer?.();
    cancelTimer = undefined;
    const now = f.clock.now().getTime();
    const count = timeline.countAt(now);
    for (; next < count; next++) {
      if (!f.writer.push(renderLine(timeline, next, f.opts.timestamps))) return finish();
    }
    if (!timeline.hasMoreAfter(next)) return finish();
    const due = timeline.timeOf(next);
    if (Number.isFinite(due)) cancelTimer = f.clock.schedule(Math.max(1, due - now), pump);
  };
  const onPodChange = (type: string, obj: KubeObject) => {
    if (closed) return;
    if (type === 'DELETED' || obj.metadata.uid !== f.pod.metadata.uid) {
      pump();
      return finish();
    }
    const current = containerLog(obj as unknown as PodShape, f.container, f.opts.previous);
    if (!current.ok || current.instance !== first.instance) {
      pump(); // the lines the instance printed up to its end
      return finish();
    }
    timeline = current.timeline; // the same instance, perhaps terminated now
    pump();
  };
  const started = f.ctx.store.watch(
    {
      storageKey: f.kind.storageKey,
      namespace: f.pod.metadata.namespace,
      matches: (o) => o.metadata.name === f.pod.metadata.name,
      send: (type, _json, obj) => onPodChange(type, obj),
    },
    undefined,
  );
  const watch = started === 'gone' ? { cancel: () => {} } : started;
  f.sink.onClose(finish);
  pump();
}
