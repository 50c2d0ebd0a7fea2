/** PodLogOptions from the query string, checked as the API server does. */
export interface PodLogOptions {
  container: string | undefined;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines: number | undefined;
  sinceSeconds: number | undefined;
  sinceTimeMs: number | undefined;
  limitBytes: number | undefined;
}

export type LogOptionsResult =
  | { ok: true; options: PodLogOptions }
  | { ok: false; kind: 'BadRequest'; message: string }
  | { ok: false; kind: 'Invalid'; field: string; message: string };

/** Go's strconv.ParseBool, which the query conversion uses. */
function parseBool(value: string | null): boolean | undefined | 'bad' {
  if (value === null) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return 'bad';
}

function parseInt64(value: string | null): number | undefined | 'bad' {
  if (value === null) return undefined;
  return /^[+-]?\d{1,18}$/.test(value) ? Number(value) : 'bad';
}

export function parseLogOptions(query: URLSearchParams): LogOptionsResult {
  const bools: Record<string, boolean | undefined> = {};
  for (const key of ['follow', 'previous', 'timestamps']) {
    const v = parseBool(query.get(key));
    if (v === 'bad')
      return {
        ok: false,
        kind: 'BadRequest',
        message: `strconv.ParseBool: parsing "${query.get(key)}": invalid syntax`,
      };
    bools[key] = v;
  }
  const ints: Record<string, number | undefined> = {};
  for (const key of ['tailLines', 'sinceSeconds', 'limitBytes']) {
    const v = parseInt64(query.get(key));
    if (v === 'bad')
      return {
        ok: false,
        kind: 'BadRequest',
        message: `strconv.ParseInt: parsing "${query.get(key)}": invalid syntax`,
      };
    ints[key] = v;
  }
  const sinceTimeText = query.get('sinceTime');
  const sinceTimeMs = sinceTimeText === null ? undefined : Date.parse(sinceTimeText);
  if (sinceTimeMs !== undefined && Number.isNaN(sinceTimeMs))
    return {
      ok: false,
      kind: 'BadRequest',
      message: `parsing time "${sinceTimeText}" as RFC3339: cannot parse`,
    };

  const invalid = (field: string, value: number, rule: string): LogOptionsResult => ({
    ok: false,
    kind: 'Invalid',
    field,
    message: `Invalid value: ${value}: ${rule}`,
  });
  const { tailLines, sinceSeconds, limitBytes } = ints;
  if (tailLines !== undefined && tailLines < 0)
    return invalid('tailLines', tailLines, 'must be greater than or equal to 0');
  if (limitBytes !== undefined && limitBytes < 1)
    return invalid('limitBytes', limitBytes, 'must be greater than 0');
  if (sinceSeconds !== undefined && sinceTimeMs !== undefined)
    return {
      ok: false,
      kind: 'Invalid',
      field: '',
      message: 'at most one of `sinceTime` or `sinceSeconds` may be specified',
    };
  if (sinceSeconds !== undefined && sinceSeconds < 1)
    return invalid('sinceSeconds', sinceSeconds, 'must be greater than 0');
  return {
    ok: true,
    options: {
      container: query.get('container') ?? undefined,
      follow: bools['follow'] ?? false,
      previous: bools['previous'] ?? false,
      timestamps: bools['timestamps'] ?? false,
      tailLines,
      sinceSeconds,
      sinceTimeMs,
      limitBytes,
    },
  };
}
