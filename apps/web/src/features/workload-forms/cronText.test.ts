import { nextRun } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { describeSchedule, formatRun, nextRuns } from './cronText.ts';

describe('CronJob schedule text', () => {
  it('J3 describes a schedule in English and Chinese', () => {
    expect(describeSchedule('*/5 * * * *', 'en')).toBe('Every 5 minutes');
    expect(describeSchedule('*/5 * * * *', 'zh-CN')).toBe('每隔 5 分钟');
    expect(describeSchedule('0 2 * * 1-5', 'en')).toBe('At 02:00, Monday through Friday');
  });

  it('J3 has no words for what Kubernetes refuses', () => {
    expect(describeSchedule('*/5 * * *', 'en')).toBeUndefined();
    expect(describeSchedule('61 * * * *', 'zh-CN')).toBeUndefined();
    expect(nextRuns('not a schedule', new Date())).toEqual([]);
  });

  it("J3 the next five runs agree with the controller (the model's nextRun, UTC)", () => {
    const after = new Date('2026-03-01T10:07:30Z');
    for (const schedule of [
      '*/5 * * * *',
      '0 2 * * 1-5',
      '30 9 1,15 * *',
      '@hourly',
      '0 0 * * 0',
    ]) {
      const runs = nextRuns(schedule, after);
      expect(runs).toHaveLength(5);
      let previous = after;
      for (const run of runs) {
        const expected = nextRun(schedule, previous);
        expect(run.toISOString(), schedule).toBe(expected.toISOString());
        previous = run;
      }
    }
  });

  it("J3 a run shows in the viewer's time zone and language", () => {
    const run = new Date('2026-03-02T02:00:00Z');
    expect(formatRun(run, 'en', 'Asia/Shanghai')).toContain('10:00');
    expect(formatRun(run, 'zh-CN', 'Asia/Shanghai')).toMatch(/2026年3月2日.*10:00/);
    expect(formatRun(run, 'en', 'UTC')).toContain('2:00');
  });
});
