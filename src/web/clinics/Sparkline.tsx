/**
 * A word-sized chart for a table row: the values as a line on the measure's own scale, the latest
 * as a dot, and optionally one dashed line at a cut-off (PHQ-9 10, say). Drawn as inline SVG —
 * a caseload of hundreds of rows needs no chart library. Screen readers get `label` instead.
 */
import { type DatedValue, sparklineGeometry } from './sparkline.ts';

export function Sparkline({
  values,
  from,
  to,
  min,
  max,
  label,
  cutoff,
  width = 128,
  height = 30,
}: {
  values: readonly DatedValue[];
  from: string;
  to: string;
  min: number;
  max: number;
  /** What the line shows, in words ("PHQ-9: 14 on 2 March, 9 on 30 March"). */
  label: string;
  cutoff?: number;
  width?: number;
  height?: number;
}) {
  const g = sparklineGeometry(values, { from, to, min, max, width, height, inset: 3 });
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {cutoff !== undefined && (
        <line className="sparkline-cutoff" x1={0} x2={width} y1={g.yOf(cutoff)} y2={g.yOf(cutoff)} />
      )}
      {g.points.length > 1 && <path className="sparkline-line" d={g.path} />}
      {g.last && <circle className="sparkline-dot" cx={g.last.x} cy={g.last.y} r={2.5} />}
    </svg>
  );
}
