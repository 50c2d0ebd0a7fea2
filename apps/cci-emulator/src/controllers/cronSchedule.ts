/**
 * A minimal 5-field cron evaluator for the CronJob controller (UTC): numbers, *, ?, a-b, steps,
 * lists, JAN-DEC / SUN-SAT names, 7 as Sunday and the @hourly ... @yearly shorthands, with
 * cron's rule that a day matches either restricted day field. @cci/model has a fuller one
 * (rules/cron.ts `nextRun`) that is not exported yet; the controller takes its `nextRun` as an
 * option so the lead can switch to it.
 */
const shorthands: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const monthNames = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const fieldRanges: [number, number, string[]?][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, monthNames],
  [0, 7, dayNames],
];

interface Schedule {
  fields: Set<number>[];
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

function value(text: string, min: number, names: string[] | undefined): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + min;
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

function parseField(
  text: string,
  [min, max, names]: [number, number, string[]?],
): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    const [lowText = '', highText] = range.split('-');
    const open = range === '*' || range === '?';
    const low = open ? min : value(lowText, min, names);
    const high = open
      ? max
      : highText !== undefined
        ? value(highText, min, names)
        : stepText !== undefined
          ? max
          : low;
    if (!(low >= min && high <= max && low <= high)) return undefined;
    for (let v = low; v <= high; v += step) out.add(v);
  }
  return out;
}

export function parseSchedule(schedule: string): Schedule | undefined {
  const text = shorthands[schedule.trim().toLowerCase()] ?? schedule.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return undefined;
  const fields = parts.map((p, i) => parseField(p, fieldRanges[i] ?? [0, 0]));
  if (fields.some((f) => f === undefined)) return undefined;
  const sets = fields as Set<number>[];
  if (sets[4]?.delete(7)) sets[4].add(0);
  const isAny = (p: string | undefined) => p === '*' || p === '?';
  return { fields: sets, anyDayOfMonth: isAny(parts[2]), anyDayOfWeek: isAny(parts[4]) };
}

function dayMatches(s: Schedule, t: Date): boolean {
  const dom = s.fields[2]?.has(t.getUTCDate()) ?? false;
  const dow = s.fields[4]?.has(t.getUTCDay()) ?? false;
  if (s.anyDayOfMonth || s.anyDayOfWeek) return dom && dow;
  return dom || dow;
}

const MINUTE = 60_000;

/** The first minute strictly after `after` the schedule fires at; undefined if invalid or never. */
export function nextScheduleTime(schedule: string, after: Date): Date | undefined {
  const s = parseSchedule(schedule);
  if (!s) return undefined;
  const t = new Date(Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE);
  const limit = t.getUTCFullYear() + 5;
  while (t.getUTCFullYear() <= limit) {
    if (!s.fields[3]?.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!s.fields[1]?.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!s.fields[0]?.has(t.getUTCMinutes())) {
      t.setTime(t.getTime() + MINUTE);
    } else return t;
  }
  return undefined;
}
