import { isDns1123Label, isDns1123Subdomain } from '@cci/model';
import { fieldCause, fieldError, statusError } from '../status.ts';
import type { Message, Params } from '../messages.ts';
import { logMessages as msg } from './messages.ts';

/** PodLogOptions the console uses, checked before anything reaches CCI. */
export interface LogQuery {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  limitBytes?: number;
  /** Answer as an attachment (the whole log, not what a screen shows). */
  download: boolean;
}

const booleans = ['follow', 'previous', 'timestamps', 'download'] as const;
/** Upper bounds: a year of seconds, a million lines, 1 GiB (the BFF's own caps apply too). */
const counts = {
  sinceSeconds: 365 * 24 * 3600,
  tailLines: 1_000_000,
  limitBytes: 1024 ** 3,
} as const;
const known = new Set<string>(['container', ...booleans, ...Object.keys(counts)]);

function parseBoolean(field: string, raw: string): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalid(field, msg.badBoolean);
}

/** 422 naming the field whose value is wrong, as the API server's Invalid does. */
function invalid(field: string, message: Message, params: Params = {}) {
  const causes = [fieldCause('FieldValueInvalid', field, message, params)];
  return statusError(422, message, { field, ...params }, { causes });
}

function parseCount(field: keyof typeof counts, raw: string): number {
  const max = counts[field];
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  // The API server refuses 0 for sinceSeconds and limitBytes; tailLines=0 is a valid "none".
  const min = field === 'tailLines' ? 0 : 1;
  if (!(value >= min && value <= max)) {
    throw invalid(field, msg.badCount, { min, max });
  }
  return value;
}

/** The query of a log request, or a Status naming the first field that is wrong. */
export function parseLogQuery(params: URLSearchParams): LogQuery {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!known.has(key))
      throw fieldError('FieldValueNotSupported', key.slice(0, 64), msg.unknownParameter);
    if (seen.has(key)) throw fieldError('FieldValueDuplicate', key, msg.unknownParameter);
    seen.add(key);
  }
  const query: LogQuery = { follow: false, previous: false, timestamps: false, download: false };
  for (const field of booleans) {
    const raw = params.get(field);
    if (raw !== null) query[field] = parseBoolean(field, raw);
  }
  for (const field of Object.keys(counts) as (keyof typeof counts)[]) {
    const raw = params.get(field);
    if (raw !== null) query[field] = parseCount(field, raw);
  }
  const container = params.get('container');
  if (container !== null) {
    if (!isDns1123Label(container)) throw fieldError('FieldValueInvalid', 'container', msg.badName);
    query.container = container;
  }
  if (query.follow && query.download) {
    throw fieldError('FieldValueInvalid', 'download', msg.followAndDownload);
  }
  return query;
}

/** The namespace and pod of the path, checked like the proxy's. */
export function checkPodPath(namespace: string, pod: string): void {
  if (!isDns1123Label(namespace)) throw fieldError('FieldValueInvalid', 'namespace', msg.badName);
  if (!isDns1123Subdomain(pod)) throw fieldError('FieldValueInvalid', 'pod', msg.badName);
}

/** The upstream query: CCI's PodLogOptions (download is the BFF's own). */
export function upstreamQuery(q: LogQuery): string {
  const out = new URLSearchParams();
  if (q.container) out.set('container', q.container);
  for (const key of ['follow', 'previous', 'timestamps'] as const) if (q[key]) out.set(key, 'true');
  for (const key of ['sinceSeconds', 'tailLines', 'limitBytes'] as const) {
    const value = q[key];
    if (value !== undefined) out.set(key, String(value));
  }
  return out.toString();
}
