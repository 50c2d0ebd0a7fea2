import { describe, expect, it } from 'vitest';
import {
  instanceAt,
  instancesUntil,
  nextRestartMoment,
  restartBackoffLabel,
  restartEvents,
  restartsOnExit,
} from './containerRestarts.ts';

const run = { runMs: 1000, exitCode: 1, restarts: true };

describe('the kubelet restarting an exited container', () => {
  it('restarts under Always, under OnFailure only after a failure, never under Never', () => {
    expect(restartsOnExit(undefined, 0)).toBe(true);
    expect(restartsOnExit('Always', 0)).toBe(true);
    expect(restartsOnExit('OnFailure', 0)).toBe(false);
    expect(restartsOnExit('OnFailure', 2)).toBe(true);
    expect(restartsOnExit('Never', 1)).toBe(false);
  });

  it('starts each instance after the back-off: 10 s, then doubling', () => {
    const starts = instancesUntil(0, run, 100_000).map((i) => [i.index, i.startAtMs, i.exitAtMs]);
    // exits at 1 s, back 10 s later; exits at 12 s, back 20 s later; exits at 33 s, ...
    expect(starts).toEqual([
      [0, 0, 1000],
      [1, 11_000, 12_000],
      [2, 32_000, 33_000],
      [3, 73_000, 74_000],
    ]);
  });

  it('reports the instance running at a moment and the one before it', () => {
    expect(instanceAt(0, run, 500)).toEqual({
      current: { index: 0, startAtMs: 0, exitAtMs: 1000 },
      previous: undefined,
    });
    expect(instanceAt(0, run, 11_500)).toEqual({
      current: { index: 1, startAtMs: 11_000, exitAtMs: 12_000 },
      previous: { index: 0, startAtMs: 0, exitAtMs: 1000 },
    });
  });

  it('past the 5 min cap jumps to the instance of the moment, the same as walking there', () => {
    const day = 86_400_000;
    const { current, previous } = instanceAt(0, run, day);
    expect(current.startAtMs).toBeLessThanOrEqual(day);
    expect(current.startAtMs + run.runMs + 300_000).toBeGreaterThan(day);
    expect(previous).toEqual({
      index: current.index - 1,
      startAtMs: current.startAtMs - 300_000 - 1000,
      exitAtMs: current.startAtMs - 300_000,
    });
    // Walking instance by instance reaches the same index.
    let walked = instanceAt(0, run, 0).current;
    while (walked.exitAtMs + 300_000 <= day) {
      const next = nextRestartMoment(0, run, walked.exitAtMs) as number;
      walked = instanceAt(0, run, next).current;
    }
    expect(walked).toEqual(current);
  });

  it('schedules the next exit or restart', () => {
    expect(nextRestartMoment(0, run, 0)).toBe(1000);
    expect(nextRestartMoment(0, run, 1000)).toBe(11_000);
    expect(nextRestartMoment(0, { ...run, restarts: false }, 0)).toBeUndefined();
  });

  it('words the back-off as the kubelet does', () => {
    expect([1, 2, 4, 5, 6, 9].map(restartBackoffLabel)).toEqual([
      '10s',
      '20s',
      '1m20s',
      '2m40s',
      '5m0s',
      '5m0s',
    ]);
  });

  it('emits BackOff at each exit and Pulled/Created/Started at each restart, up to a moment', () => {
    const events = restartEvents({ name: 'app', image: 'busybox' }, 0, run, 11_000);
    expect(events.map((e) => [e.atMs, e.reason])).toEqual([
      [1000, 'BackOff'],
      [11_000, 'Pulled'],
      [11_000, 'Created'],
      [11_000, 'Started'],
    ]);
    expect(events[0]).toMatchObject({
      type: 'Warning',
      message: 'Back-off restarting failed container app',
    });
    expect(events[1]?.message).toBe('Container image "busybox" already present on machine');
  });
});
