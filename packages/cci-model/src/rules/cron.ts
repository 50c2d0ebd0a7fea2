/**
 * The 5-field cron schedule of a CronJob (J3): minute hour day-of-month month day-of-week, as
 * Kubernetes reads it (robfig/cron standard parser): numbers, *, ?, ranges a-b, steps *\/n, a-b\/n
 * and a\/n, lists, names JAN-DEC and SUN-SAT, and the @hourly ... @yearly shorthands. The
 * emulator's CronJob controller asks `nextRun` when to create the next Job; times are UTC.
 */

export type CronFieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

interface FieldSpec {
  name: CronFieldName;
  zh: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', zh: '分钟', min: 0, max: 59 },
  { name: 'hour', zh: '小时', min: 0, max: 23 },
  { name: 'day-of-month', zh: '日期', min: 1, max: 31 },
  {
    name: 'month',
    zh: '月份',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  {
    name: 'day-of-week',
    zh: '星期',
    min: 0,
    max: 6,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  },
];

const SHORTHANDS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Day-of-month or day-of-week left open (* or ?): then a day must match both, else either. */
  dayOfMonthOpen: boolean;
  dayOfWeekOpen: boolean;
}

export interface CronError {
  field?: CronFieldName;
  en: string;
  zh: string;
}

export type CronParseResult =
  { ok: true; schedule: CronSchedule } | { ok: false; errors: CronError[] };

class FieldError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

function parseValue(text: string, spec: FieldSpec): number {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + spec.min;
  if (!/^\d+$/.test(text))
    throw new FieldError(
      `"${text}" is not a number${spec.names ? ' or a name' : ''}`,
      `"${text}" 不是数字${spec.names ? '或名称' : ''}`,
    );
  const value = Number(text);
  if (value < spec.min || value > spec.max)
    throw new FieldError(
      `${value} is outside ${spec.min}-${spec.max}`,
      `${value} 超出范围 ${spec.min}-${spec.max}`,
    );
  return value;
}

/** One comma-separated element: *, ?, a, a-b, each optionally /step. Returns whether it is open. */
function addElement(element: string, spec: FieldSpec, into: Set<number>): boolean {
  const [range = '', step, ...extra] = element.split('/');
  if (extra.length > 0 || range === '')
    throw new FieldError(`"${element}" is malformed`, `"${element}" 格式错误`);
  let increment = 1;
  if (step !== undefined) {
    if (!/^\d+$/.test(step) || Number(step) === 0)
      throw new FieldError(
        `step "${step}" must be a positive number`,
        `步长 "${step}" 必须是正整数`,
      );
    increment = Number(step);
  }
  const dayField = spec.name === 'day-of-month' || spec.name === 'day-of-week';
  let low: number;
  let high: number;
  const open = range === '*' || (range === '?' && dayField);
  if (open) [low, high] = [spec.min, spec.max];
  else {
    const bounds = range.split('-');
    if (bounds.length > 2)
      throw new FieldError(`"${range}" is not a range a-b`, `"${range}" 不是 a-b 形式的范围`);
    low = parseValue(bounds[0] ?? '', spec);
    high =
      bounds[1] === undefined ? (step === undefined ? low : spec.max) : parseValue(bounds[1], spec);
    if (low > high)
      throw new FieldError(`range ${range} runs backwards`, `范围 ${range} 起点大于终点`);
  }
  for (let v = low; v <= high; v += increment) into.add(v);
  return open && increment === 1;
}

function parseField(text: string, spec: FieldSpec): { values: Set<number>; open: boolean } {
  const values = new Set<number>();
  let open = false;
  for (const element of text.split(',')) open = addElement(element, spec, values) || open;
  return { values, open };
}

export function parseCron(schedule: string): CronParseResult {
  const trimmed = schedule.trim();
  const expanded = SHORTHANDS[trimmed.toLowerCase()] ?? trimmed;
  if (expanded.startsWith('@') || expanded.startsWith('TZ=') || expanded.startsWith('CRON_TZ='))
    return {
      ok: false,
      errors: [
        {
          en: `"${trimmed}" is not supported; write 5 fields: minute hour day-of-month month day-of-week`,
          zh: `不支持 "${trimmed}"，请写 5 个字段：分钟 小时 日期 月份 星期`,
        },
      ],
    };
  const parts = expanded.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5)
    return {
      ok: false,
      errors: [
        {
          en: `a schedule has exactly 5 fields (minute hour day-of-month month day-of-week); "${trimmed}" has ${parts.length}`,
          zh: `定时配置必须正好 5 个字段（分钟 小时 日期 月份 星期），"${trimmed}" 有 ${parts.length} 个`,
        },
      ],
    };
  const errors: CronError[] = [];
  const fields = FIELDS.map((spec, i) => {
    const text = parts[i] ?? '';
    try {
      return parseField(text, spec);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors.push({
        field: spec.name,
        en: `${spec.name} field "${text}": ${error.en}`,
        zh: `${spec.zh}字段 "${text}"：${error.zh}`,
      });
      return { values: new Set<number>(), open: false };
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const at = (i: number) => fields[i] ?? { values: new Set<number>(), open: false };
  return {
    ok: true,
    schedule: {
      minutes: at(0).values,
      hours: at(1).values,
      daysOfMonth: at(2).values,
      months: at(3).values,
      daysOfWeek: at(4).values,
      dayOfMonthOpen: at(2).open,
      dayOfWeekOpen: at(4).open,
    },
  };
}

const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when no date can ever match (e.g. "0 0 30 2 *": February never has a 30th). */
export function neverFires(schedule: CronSchedule): boolean {
  if (!schedule.dayOfWeekOpen && !schedule.dayOfMonthOpen) return false;
  return ![...schedule.months].some((month) =>
    [...schedule.daysOfMonth].some((day) => day <= (DAYS_IN_MONTH_MAX[month - 1] ?? 0)),
  );
}

function dayMatches(s: CronSchedule, date: Date): boolean {
  const dom = s.daysOfMonth.has(date.getUTCDate());
  const dow = s.daysOfWeek.has(date.getUTCDay());
  return s.dayOfMonthOpen || s.dayOfWeekOpen ? dom && dow : dom || dow;
}

const MINUTE = 60_000;
/** Far enough for a leap day on a given weekday; past it the schedule never fires. */
const SEARCH_YEARS = 30;

/** The first time strictly after `after` (whole minute, UTC) at which the schedule fires. */
export function nextRun(schedule: string | CronSchedule, after: Date): Date {
  let s: CronSchedule;
  if (typeof schedule === 'string') {
    const parsed = parseCron(schedule);
    if (!parsed.ok)
      throw new Error(
        `invalid cron schedule "${schedule}": ${parsed.errors.map((e) => e.en).join('; ')}`,
      );
    s = parsed.schedule;
  } else s = schedule;
  const t = new Date(Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE);
  const limit = after.getUTCFullYear() + SEARCH_YEARS;
  while (t.getUTCFullYear() <= limit) {
    if (!s.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!s.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!s.minutes.has(t.getUTCMinutes())) {
      t.setTime(t.getTime() + MINUTE);
    } else return t;
  }
  throw new Error(`cron schedule never fires within ${SEARCH_YEARS} years`);
}
