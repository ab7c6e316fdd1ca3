/**
 * The small chart beside a finding: the outcome on each day with and without a yes/no lever as two
 * rows of dots with their averages, or a scatter of a continuous lever against the outcome. Plain
 * SVG (no chart library for a few hundred dots), scaled to its box; a caption says the same in words.
 */
import type { FindingPoints } from '../../core/insights/finding-points.ts';

const W = 320;
const LEFT = 64;
const RIGHT = 12;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(1);

/** An axis range with whole-number ends around every value. */
function range(xs: number[]): [number, number] {
  let lo = Math.floor(Math.min(...xs));
  let hi = Math.ceil(Math.max(...xs));
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  return [lo, hi];
}

/** Dots sharing a value spread out in a small deterministic swarm instead of hiding each other. */
function swarm(values: number[]): { value: number; key: string; dx: number; dy: number }[] {
  const seen = new Map<number, number>();
  return values.map((value) => {
    const i = seen.get(value) ?? 0;
    seen.set(value, i + 1);
    return { value, key: `${value}:${i}`, dx: ((Math.floor(i / 5) % 9) - 4) * 2.6, dy: ((i % 5) - 2) * 3.2 };
  });
}

function Groups({
  points,
  labels,
}: {
  points: Extract<FindingPoints, { kind: 'groups' }>;
  labels: [string, string];
}) {
  const [lo, hi] = range([...points.with, ...points.without]);
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const rows = [
    { key: 'with', label: labels[0], values: points.with, y: 22 },
    { key: 'without', label: labels[1], values: points.without, y: 60 },
  ];
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter(
    (t, _, all) => all.length <= 11 || (t - lo) % 2 === 0,
  );
  return (
    <svg viewBox={`0 0 ${W} 96`} className="finding-chart-svg" aria-hidden="true">
      {rows.map((r) => (
        <g key={r.key} className={`finding-row finding-row-${r.key}`}>
          <text x={0} y={r.y + 4} className="finding-chart-label">
            {r.label}
          </text>
          {swarm(r.values).map((d) => (
            <circle key={d.key} cx={x(d.value) + d.dx} cy={r.y + d.dy} r={2.4} className="finding-dot" />
          ))}
          <line
            x1={x(mean(r.values))}
            x2={x(mean(r.values))}
            y1={r.y - 13}
            y2={r.y + 13}
            className="finding-mean"
          />
        </g>
      ))}
      <g className="finding-axis">
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={92} textAnchor="middle">
            {t}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** Minutes after midnight as a clock time: 450 → "7:30". */
const clock = (minutes: number) =>
  `${Math.floor(minutes / 60) % 24}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;

function Scatter({
  points,
  timeOfDay,
}: {
  points: Extract<FindingPoints, { kind: 'scatter' }>;
  timeOfDay: boolean;
}) {
  const xLabel = timeOfDay ? clock : String;
  const H = 130;
  const left = 28;
  const [xlo, xhi] = range(points.x);
  const [ylo, yhi] = range(points.y);
  const x = (v: number) => left + ((v - xlo) / (xhi - xlo)) * (W - left - RIGHT);
  const y = (v: number) => 8 + (1 - (v - ylo) / (yhi - ylo)) * (H - 30);
  const swarmed = swarm(points.x.map((v, i) => v * 1000 + (points.y[i] as number)));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="finding-chart-svg" aria-hidden="true">
      <line x1={left} x2={left} y1={8} y2={H - 22} className="finding-axis-line" />
      <line x1={left} x2={W - RIGHT} y1={H - 22} y2={H - 22} className="finding-axis-line" />
      <g className="finding-axis">
        <text x={left - 6} y={12} textAnchor="end">
          {yhi}
        </text>
        <text x={left - 6} y={H - 22} textAnchor="end">
          {ylo}
        </text>
        <text x={left} y={H - 6} textAnchor="start">
          {xLabel(xlo)}
        </text>
        <text x={W - RIGHT} y={H - 6} textAnchor="end">
          {xLabel(xhi)}
        </text>
      </g>
      {points.x.map((v, i) => (
        <circle
          key={swarmed[i]?.key}
          cx={x(v) + (swarmed[i]?.dx ?? 0) / 2}
          cy={y(points.y[i] as number) + (swarmed[i]?.dy ?? 0) / 2}
          r={2.4}
          className="finding-dot finding-row-with"
        />
      ))}
    </svg>
  );
}

export default function FindingChart({
  points,
  factorLabel,
  outcomeLabel,
  lag,
  timeOfDay = false,
}: {
  points: FindingPoints;
  factorLabel: string;
  outcomeLabel: string;
  lag: 0 | 1;
  /** The lever is a time of day in minutes after midnight (bedtime, wake time). */
  timeOfDay?: boolean;
}) {
  if (points.kind === 'groups') {
    if (points.with.length === 0 || points.without.length === 0) return null;
    const labels: [string, string] = lag === 0 ? ['with', 'without'] : ['day after', 'other days'];
    return (
      <figure className="finding-chart">
        <Groups points={points} labels={labels} />
        <figcaption className="small muted">
          Each dot is a day’s {outcomeLabel}
          {lag === 1 ? ` the day after ${factorLabel} or not` : ''}: {fmt(mean(points.with))} on average over{' '}
          {points.with.length} days {lag === 0 ? `with ${factorLabel}` : 'after it'},{' '}
          {fmt(mean(points.without))} over {points.without.length} {lag === 0 ? 'without' : 'other days'}. The
          line marks the average.
        </figcaption>
      </figure>
    );
  }
  if (points.x.length === 0) return null;
  return (
    <figure className="finding-chart">
      <Scatter points={points} timeOfDay={timeOfDay} />
      <figcaption className="small muted">
        Each dot is a day: {factorLabel} across, {lag === 1 ? 'next-day ' : ''}
        {outcomeLabel} up ({points.x.length} days).
      </figcaption>
    </figure>
  );
}
