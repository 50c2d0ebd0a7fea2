import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neverFires, nextRun, parseCron } from './cron.ts';
import type { CronSchedule } from './cron.ts';

function parsed(schedule: string): CronSchedule {
  const result = parseCron(schedule);
  if (!result.ok) throw new Error(`test schedule ${schedule} does not parse`);
  return result.schedule;
}

describe('parseCron', () => {
  it.each([
    '0,15,30,45 * * * *',
    '0,30 * 1 * *',
    '0 3 * * 0',
    '*/5 * * * *',
    '0 9-17/2 * * MON-FRI',
    '0 0 1 JAN,jul *',
    '15 10 ? * *',
    '5/15 * * * *',
    '  0   3 * * sun ',
    '@hourly',
    '@Daily',
  ])('J3 accepts %j', (schedule) => {
    expect(parseCron(schedule).ok).toBe(true);
  });

  it('J3 expands lists, ranges, steps and names into the matching values', () => {
    const s = parsed('5/20 9-17/4 1,15 FEB-APR MON-WED');
    expect([...s.minutes]).toEqual([5, 25, 45]);
    expect([...s.hours]).toEqual([9, 13, 17]);
    expect([...s.daysOfMonth]).toEqual([1, 15]);
    expect([...s.months]).toEqual([2, 3, 4]);
    expect([...s.daysOfWeek]).toEqual([1, 2, 3]);
    expect(s.dayOfMonthOpen || s.dayOfWeekOpen).toBe(false);
  });

  it.each([
    ['* * * *', undefined, 'exactly 5 fields'],
    ['* * * * * *', undefined, 'has 6'],
    ['60 * * * *', 'minute', '60 is outside 0-59'],
    ['* 24 * * *', 'hour', '24 is outside 0-23'],
    ['* * 0 * *', 'day-of-month', '0 is outside 1-31'],
    ['* * * 13 *', 'month', '13 is outside 1-12'],
    ['* * * * 7', 'day-of-week', '7 is outside 0-6'],
    ['*/0 * * * *', 'minute', 'step "0"'],
    ['5-1 * * * *', 'minute', 'runs backwards'],
    ['* * * FOO *', 'month', '"FOO" is not a number or a name'],
    ['a * * * *', 'minute', '"a" is not a number'],
    ['1,,2 * * * *', 'minute', 'malformed'],
    ['1-2-3 * * * *', 'minute', 'not a range'],
    ['? * * * *', 'minute', '"?" is not a number'],
    ['@every 5m', undefined, 'not supported'],
    ['CRON_TZ=UTC 0 * * * *', undefined, 'not supported'],
  ])('J3 refuses %j (%s field)', (schedule, field, text) => {
    const result = parseCron(schedule);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.field).toBe(field);
    expect(result.errors[0]?.en).toContain(text);
    expect(result.errors[0]?.zh).not.toBe('');
  });
});

describe('nextRun', () => {
  it.each([
    ['0,15,30,45 * * * *', '2024-05-01T10:07:30Z', '2024-05-01T10:15:00Z'],
    ['0,15,30,45 * * * *', '2024-05-01T10:15:00Z', '2024-05-01T10:30:00Z'],
    ['0,30 * 1 * *', '2024-05-01T23:45:00Z', '2024-06-01T00:00:00Z'],
    ['0 3 * * 0', '2024-05-01T00:00:00Z', '2024-05-05T03:00:00Z'],
    ['0 0 29 2 *', '2024-03-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['0 0 13 * 5', '2024-09-01T00:00:00Z', '2024-09-06T00:00:00Z'],
    ['0 0 13 * *', '2024-09-01T00:00:00Z', '2024-09-13T00:00:00Z'],
    ['0 0 13 * ?', '2024-09-01T00:00:00Z', '2024-09-13T00:00:00Z'],
    ['*/20 9-10 * * MON-FRI', '2024-09-06T10:50:00Z', '2024-09-09T09:00:00Z'],
    ['@yearly', '2024-12-31T23:59:00Z', '2025-01-01T00:00:00Z'],
    ['59 23 31 12 *', '2024-12-31T23:59:00Z', '2025-12-31T23:59:00Z'],
    ['0 12 31 * *', '2024-04-01T00:00:00Z', '2024-05-31T12:00:00Z'],
  ])('J3 %j after %s runs at %s', (schedule, after, expected) => {
    expect(nextRun(schedule, new Date(after)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('J3 computes several runs in a row for the seed schedule', () => {
    const runs: string[] = [];
    let at = new Date('2024-05-01T10:40:00Z');
    for (let i = 0; i < 4; i += 1) {
      at = nextRun('0,15,30,45 * * * *', at);
      runs.push(at.toISOString().slice(11, 16));
    }
    expect(runs).toEqual(['10:45', '11:00', '11:15', '11:30']);
  });

  it('J3 refuses an invalid schedule and one that never fires', () => {
    expect(() => nextRun('61 * * * *', new Date(0))).toThrow(/invalid cron schedule/);
    expect(() => nextRun('0 0 30 2 *', new Date(0))).toThrow(/never fires/);
  });

  it('J3 neverFires spots day/month combinations that do not exist', () => {
    expect(neverFires(parsed('0 0 30 2 *'))).toBe(true);
    expect(neverFires(parsed('0 0 31 4,6,9,11 *'))).toBe(true);
    expect(neverFires(parsed('0 0 29 2 *'))).toBe(false);
    expect(neverFires(parsed('0 0 30 2 MON'))).toBe(false);
  });

  const matches = (s: CronSchedule, d: Date): boolean => {
    const dom = s.daysOfMonth.has(d.getUTCDate());
    const dow = s.daysOfWeek.has(d.getUTCDay());
    const day = s.dayOfMonthOpen || s.dayOfWeekOpen ? dom && dow : dom || dow;
    return (
      day &&
      s.months.has(d.getUTCMonth() + 1) &&
      s.hours.has(d.getUTCHours()) &&
      s.minutes.has(d.getUTCMinutes())
    );
  };

  it('J3 returns the first matching minute strictly after the given time (property)', () => {
    const schedules = [
      '*/7 * * * *',
      '0 */5 * * *',
      '30 2 * * MON,THU',
      '0 0 1,15 * *',
      '10 4 8-10 * 0',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (schedule, after) => {
          const s = parsed(schedule);
          const next = nextRun(s, after);
          expect(next.getTime()).toBeGreaterThan(after.getTime());
          expect(next.getUTCSeconds() + next.getUTCMilliseconds()).toBe(0);
          expect(matches(s, next)).toBe(true);
          let earliest = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
          while (!matches(s, new Date(earliest))) earliest += 60_000;
          expect(next.getTime()).toBe(earliest);
        },
      ),
      { numRuns: 60 },
    );
  });
});
