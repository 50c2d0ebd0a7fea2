import { describe, expect, it } from 'vitest';
import type { ContainerShape } from '../podShape.ts';
import { runningPod, T0 } from '../pods.testkit.ts';
import { containerLog } from './containerLog.ts';
import { parseLogOptions } from './logOptions.ts';
import { logScriptFor } from './logScripts.ts';
import { LogTimeline } from './logTimeline.ts';
import { piDigits } from './piDigits.ts';
import {
  RETAINED_LOG_LINES,
  RETAINED_LOG_LINES_ANNOTATION,
  retainedLines,
  selectLines,
} from './renderLog.ts';
import { formatRfc3339Nano } from './rfc3339.ts';

const nginx = { name: 'container-0', image: 'nginx:alpine' };
const timeline = (container: ContainerShape = nginx, end?: number) =>
  new LogTimeline(logScriptFor(container, 0.5), T0, end, 'uid/container-0/0');

describe('synthetic container logs', () => {
  it.each([
    ['nginx', nginx],
    ['redis (bursts of five lines)', { name: 'r', image: 'redis' }],
  ])('%s: line times strictly increase and countAt agrees with them', (_n, container) => {
    const tl = timeline(container);
    let previous = -Infinity;
    for (let i = 0; i < 500; i++) {
      const t = tl.timeOf(i);
      expect(t).toBeGreaterThan(previous);
      expect(tl.countAt(t)).toBe(i + 1);
      expect(tl.countAt(t - 1)).toBe(i);
      expect(tl.firstIndexAtOrAfter(t)).toBe(i);
      previous = t;
    }
  });

  it('nginx prints its start-up lines, then roughly one access line every 5 s', () => {
    const tl = timeline();
    const startup = tl.countAt(T0 + 1_000);
    expect(tl.line(0).text).toMatch(/^\/docker-entrypoint\.sh: /);
    expect(tl.line(startup - 1).text).toMatch(/\[notice\] 1#1: start worker process/);
    const hour = tl.countAt(T0 + 3_600_000) - startup;
    expect(hour).toBeGreaterThanOrEqual(718);
    expect(hour).toBeLessThanOrEqual(721);
    expect(tl.line(startup).text).toMatch(
      /^\d+\.\d+\.\d+\.\d+ - - \[01\/May\/2024:10:00:0\d \+0000\] "[A-Z]+ \S+ HTTP\/1\.1" \d{3} \d+ "-" ".+" "-"$/,
    );
  });

  it('is deterministic per seed and differs between pods', () => {
    const a = new LogTimeline(logScriptFor(nginx, 1), T0, undefined, 'pod-a/c/0');
    const b = new LogTimeline(logScriptFor(nginx, 1), T0, undefined, 'pod-b/c/0');
    const texts = (tl: LogTimeline) => Array.from({ length: 40 }, (_, i) => tl.line(i).text);
    expect(texts(a)).toEqual(
      texts(new LogTimeline(logScriptFor(nginx, 1), T0, undefined, 'pod-a/c/0')),
    );
    expect(texts(a)).not.toEqual(texts(b));
  });

  it('redis logs its banner then background saves; generic images log app lines', () => {
    const redis = timeline({ name: 'r', image: 'redis:7' });
    expect(redis.line(0).text).toMatch(
      /^1:C 01 May 2024 10:00:00\.\d{3} # oO0OoO0OoO0Oo Redis is starting/,
    );
    expect(redis.line(7).text).toMatch(/\* 10000 changes in 60 seconds\. Saving\.\.\.$/);
    expect(redis.line(9).text).toMatch(/^20:C .* \* DB saved on disk$/);
    expect(redis.timeOf(11) - redis.timeOf(7)).toBe(103);
    const app = timeline({
      name: 'a',
      image: 'swr.example.invalid/team/orders:1.2',
      ports: [{ containerPort: 8080 }],
    });
    expect(app.line(2).text).toMatch(
      /^2024-05-01T10:00:00\.\d{3}Z INFO {2}listening on 0\.0\.0\.0:8080$/,
    );
  });

  it('the pi Job (seed ch. 15) prints 2000 digits of pi once, then nothing', () => {
    const job = {
      name: 'pi',
      image: 'perl',
      command: ['perl', '-Mbigint=bpi', '-wle', 'print bpi(2000)'],
    };
    const tl = timeline(job);
    expect(tl.countAt(T0 + 500)).toBe(0);
    expect(tl.countAt(T0 + 86_400_000)).toBe(1);
    expect(tl.hasMoreAfter(1)).toBe(false);
    expect(tl.line(0).text).toHaveLength(2001);
    expect(tl.line(0).text.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(
      true,
    );
  });

  it('computes pi correctly (rounded, like bpi)', () => {
    expect(piDigits(1)).toBe('3');
    expect(piDigits(5)).toBe('3.1416');
    expect(piDigits(30)).toBe('3.14159265358979323846264338328');
    // Checked against an independent computation (Gibbons' spigot): digits 1991-2000, rounded.
    expect(piDigits(2000).slice(-10)).toBe('4780275901');
  });

  it('formats RFC3339Nano like Go: trailing zeros trimmed', () => {
    expect(formatRfc3339Nano(T0)).toBe('2024-05-01T10:00:00Z');
    expect(formatRfc3339Nano(T0 + 120)).toBe('2024-05-01T10:00:00.12Z');
    expect(formatRfc3339Nano(T0 + 1, 234_500)).toBe('2024-05-01T10:00:00.0012345Z');
  });

  it('a finished container stops at its end time', () => {
    const tl = timeline(nginx, T0 + 60_000);
    const all = tl.countAt(T0 + 60_000);
    expect(tl.countAt(T0 + 3_600_000)).toBe(all);
    expect(tl.hasMoreAfter(all)).toBe(false);
  });

  it('selects since-lines, then the tail, within the retained window', () => {
    const tl = timeline();
    const now = T0 + 600_000;
    const parse = (q: string) => {
      const r = parseLogOptions(new URLSearchParams(q));
      if (!r.ok) throw new Error(r.message);
      return r.options;
    };
    const all = selectLines(tl, parse(''), now);
    expect(all.from).toBe(0);
    expect(selectLines(tl, parse('tailLines=3'), now)).toEqual({ from: all.to - 3, to: all.to });
    const since = selectLines(tl, parse('sinceSeconds=60'), now);
    expect(since.to - since.from).toBeGreaterThanOrEqual(11);
    expect(since.to - since.from).toBeLessThanOrEqual(13);
    expect(tl.timeOf(since.from)).toBeGreaterThanOrEqual(now - 60_000);
    expect(tl.timeOf(since.from - 1)).toBeLessThan(now - 60_000);
  });

  it('keeps the last 20,000 lines, or as many as the retention annotation asks (up to 1,000,000)', () => {
    const tl = timeline();
    const now = T0 + 150_000 * 5_000; // nginx: a line per 5 s
    const parse = parseLogOptions(new URLSearchParams(''));
    if (!parse.ok) throw new Error(parse.message);
    const kept = selectLines(tl, parse.options, now);
    expect(kept.to).toBeGreaterThan(140_000);
    expect(kept.to - kept.from).toBe(RETAINED_LOG_LINES);
    const asked = retainedLines({ [RETAINED_LOG_LINES_ANNOTATION]: '100000' });
    const more = selectLines(tl, parse.options, now, asked);
    expect(more.to - more.from).toBe(100_000);
    expect(retainedLines({ [RETAINED_LOG_LINES_ANNOTATION]: '5000000' })).toBe(1_000_000);
    for (const bad of ['0', '-3', '1.5', 'lots', undefined]) {
      const annotations = bad === undefined ? undefined : { [RETAINED_LOG_LINES_ANNOTATION]: bad };
      expect(retainedLines(annotations)).toBe(RETAINED_LOG_LINES);
    }
  });

  it('validates options as the API server does', () => {
    const bad = (q: string) => {
      const r = parseLogOptions(new URLSearchParams(q));
      return r.ok
        ? 'ok'
        : `${r.kind}: ${'field' in r ? r.field : ''} ${r.message}`.replace('  ', ' ');
    };
    expect(bad('tailLines=-1')).toBe(
      'Invalid: tailLines Invalid value: -1: must be greater than or equal to 0',
    );
    expect(bad('sinceSeconds=0')).toBe(
      'Invalid: sinceSeconds Invalid value: 0: must be greater than 0',
    );
    expect(bad('sinceSeconds=5&sinceTime=2024-05-01T10:00:00Z')).toMatch(
      /at most one of `sinceTime` or `sinceSeconds`/,
    );
    expect(bad('follow=yes')).toBe('BadRequest: strconv.ParseBool: parsing "yes": invalid syntax');
    expect(bad('tailLines=ten')).toMatch(/^BadRequest: strconv\.ParseInt/);
    expect(bad('follow=1&timestamps=True&previous=false&limitBytes=10')).toBe('ok');
  });

  it('reports kubelet errors: waiting containers and a missing previous instance', () => {
    const pod = runningPod({});
    expect(containerLog(pod, 'container-0', true)).toEqual({
      ok: false,
      message: 'previous terminated container "container-0" in pod "nginx" not found',
    });
    const creating = structuredClone(pod);
    if (creating.status) creating.status.containerStatuses = [];
    expect(containerLog(creating, 'container-0', false)).toEqual({
      ok: false,
      message: 'container "container-0" in pod "nginx" is waiting to start: ContainerCreating',
    });
    const pulling = structuredClone(pod);
    const s = pulling.status?.containerStatuses?.[0];
    if (s) s.state = { waiting: { reason: 'ImagePullBackOff' } };
    expect(containerLog(pulling, 'container-0', false)).toMatchObject({
      message: `container "container-0" in pod "nginx" is waiting to start: image can't be pulled`,
    });
  });
});
