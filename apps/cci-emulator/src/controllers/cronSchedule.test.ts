import { describe, expect, it } from 'vitest';
import { nextScheduleTime, parseSchedule } from './cronSchedule.ts';

const next = (schedule: string, after: string) =>
  nextScheduleTime(schedule, new Date(after))?.toISOString();

describe('cron schedule', () => {
  it('J3 runs the seed example "0,15,30,45 * * * *" on the quarter hours', () => {
    expect(next('0,15,30,45 * * * *', '2024-03-10T08:00:00Z')).toBe('2024-03-10T08:15:00.000Z');
    expect(next('0,15,30,45 * * * *', '2024-03-10T08:50:10Z')).toBe('2024-03-10T09:00:00.000Z');
  });

  it('J3 "0,30 * 1 * *" fires on the first day of the month only', () => {
    expect(next('0,30 * 1 * *', '2024-03-01T23:45:00Z')).toBe('2024-04-01T00:00:00.000Z');
  });

  it('J3 "0 3 * * 0" fires on Sundays at 3 am (7 and SUN are Sunday too)', () => {
    // 2024-03-10 is a Sunday.
    expect(next('0 3 * * 0', '2024-03-06T12:00:00Z')).toBe('2024-03-10T03:00:00.000Z');
    expect(next('0 3 * * 7', '2024-03-06T12:00:00Z')).toBe('2024-03-10T03:00:00.000Z');
    expect(next('0 3 * * sun', '2024-03-06T12:00:00Z')).toBe('2024-03-10T03:00:00.000Z');
  });

  it('J3 is strictly after the given time and handles steps, ranges and shorthands', () => {
    expect(next('*/1 * * * *', '2024-03-10T08:00:00Z')).toBe('2024-03-10T08:01:00.000Z');
    expect(next('10-20/5 * * * *', '2024-03-10T08:12:00Z')).toBe('2024-03-10T08:15:00.000Z');
    expect(next('@hourly', '2024-03-10T08:12:00Z')).toBe('2024-03-10T09:00:00.000Z');
    expect(next('0 0 1 jan *', '2024-03-10T08:12:00Z')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('J3 matches either day field when both are restricted (13th or Friday)', () => {
    // 2024-09-06 is a Friday, before the 13th.
    expect(next('0 0 13 * 5', '2024-09-01T00:00:00Z')).toBe('2024-09-06T00:00:00.000Z');
  });

  it('J3 rejects malformed schedules and ones that never fire', () => {
    for (const bad of ['* * * *', '60 * * * *', '*/0 * * * *', 'a b c d e', '5-1 * * * *'])
      expect(parseSchedule(bad), bad).toBeUndefined();
    expect(next('0 0 30 2 *', '2024-01-01T00:00:00Z')).toBeUndefined();
  });
});
