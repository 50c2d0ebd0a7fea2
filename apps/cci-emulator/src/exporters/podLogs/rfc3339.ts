/** Go's time.RFC3339Nano: UTC, fraction to nanoseconds with trailing zeros trimmed. */
export function formatRfc3339Nano(ms: number, nanosWithinMs = 0): string {
  const iso = new Date(ms).toISOString(); // 2024-05-01T10:00:00.123Z
  const fraction = `${iso.slice(20, 23)}${String(nanosWithinMs).padStart(6, '0')}`.replace(
    /0+$/,
    '',
  );
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Time formats programs print themselves, all in UTC (the sandbox's zone). */
export const logClock = {
  /** nginx error log: 2024/05/01 10:00:00 */
  nginxError(ms: number): string {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  },
  /** nginx access log $time_local: 01/May/2024:10:00:05 +0000 */
  nginxAccess(ms: number): string {
    const d = new Date(ms);
    return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  },
  /** redis: 01 May 2024 10:00:00.123 */
  redis(ms: number): string {
    const d = new Date(ms);
    return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  },
  iso(ms: number): string {
    return new Date(ms).toISOString();
  },
};
