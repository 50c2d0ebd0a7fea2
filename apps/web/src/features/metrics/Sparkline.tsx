import type { MetricPoint } from '@cci/model';
import { sparklinePoints } from './sparkline.ts';

/**
 * A plain SVG sparkline for table cells: no chart library, so lists stay light, and only
 * presentation attributes and classes (the CSP forbids style attributes).
 */
export function Sparkline({
  points,
  label,
  width = 120,
  height = 24,
}: {
  points: readonly MetricPoint[];
  label: string;
  width?: number;
  height?: number;
}) {
  return (
    <svg
      className="metrics-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-points={points.length}
    >
      <polyline
        className="metrics-sparkline-line"
        points={sparklinePoints(points, width, height)}
      />
    </svg>
  );
}
