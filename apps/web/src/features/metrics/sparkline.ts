import type { MetricPoint } from '@cci/model';

/**
 * SVG polyline points for a sparkline: time on x (oldest at 0), value on y with 0 at the bottom
 * and the largest value at the top. All-zero series lie on the bottom and equal non-zero values
 * on the top, rather than dividing by zero.
 */
export function sparklinePoints(
  points: readonly MetricPoint[],
  width: number,
  height: number,
): string {
  if (points.length === 0) return '';
  const first = points[0]![0];
  const last = points.at(-1)![0];
  const span = last - first;
  const max = Math.max(...points.map(([, v]) => v));
  const x = (t: number) => (span > 0 ? ((t - first) / span) * width : width);
  const y = (v: number) => (max > 0 ? height - (v / max) * height : height);
  const round = (n: number) => Math.round(n * 10) / 10;
  const coords = points.map(([t, v]) => `${round(x(t))},${round(y(v))}`);
  // One point: a short flat dash at its height, so the cell is not blank.
  if (points.length === 1) return `0,${round(y(points[0]![1]))} ${coords[0]}`;
  return coords.join(' ');
}
