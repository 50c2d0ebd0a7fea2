/**
 * A CronJob's schedule for people: in words (cronstrue, in the UI language) and its next runs
 * (croner), computed in the schedule's time zone (spec.timeZone, else UTC as the controller
 * reads it) and shown in the viewer's. Loaded only with the screens that show schedules.
 */
import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import 'cronstrue/locales/zh_CN';
import { parseCron } from '@cci/model';
import type { Language } from '../../i18n/i18n.ts';

/** The schedule in words, or undefined when it is not a valid Kubernetes schedule. */
export function describeSchedule(schedule: string, language: Language): string | undefined {
  if (!parseCron(schedule).ok) return undefined;
  try {
    return cronstrue.toString(schedule, {
      locale: language === 'zh-CN' ? 'zh_CN' : 'en',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return undefined;
  }
}

/** The next `count` runs after `after` ([] for an invalid schedule). */
export function nextRuns(schedule: string, after: Date, count = 5, timeZone = 'UTC'): Date[] {
  if (!parseCron(schedule).ok) return [];
  try {
    return new Cron(schedule, { timezone: timeZone, paused: true }).nextRuns(count, after);
  } catch {
    return [];
  }
}

/** A run time in the viewer's time zone and language. */
export function formatRun(date: Date, language: Language, viewerZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(viewerZone ? { timeZone: viewerZone } : {}),
  }).format(date);
}
