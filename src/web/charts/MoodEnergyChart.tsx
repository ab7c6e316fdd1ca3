/** Mood and mean energy (1–10) over the chosen range, one line each, with points for each day. */
import { useMemo } from 'react';
import { formatDate } from '../useToday.ts';
import { Plot, PlotFigure } from './PlotFigure.tsx';

export interface MoodEnergyPoint {
  date: string;
  mood?: number;
  energy?: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/** "Mood averaged 6.2 over 24 days; energy averaged 5.8 over 20 days." */
export function summariseMoodEnergy(points: MoodEnergyPoint[]): string {
  const moods = points.flatMap((p) => (p.mood === undefined ? [] : [p.mood]));
  const energies = points.flatMap((p) => (p.energy === undefined ? [] : [p.energy]));
  const part = (name: string, xs: number[]) =>
    xs.length
      ? `${name} averaged ${mean(xs)?.toFixed(1)} out of 10 over ${xs.length} days`
      : `no ${name} logged`;
  return `${part('mood', moods)}; ${part('energy', energies)}.`;
}

export default function MoodEnergyChart({
  points,
  from,
  to,
}: {
  points: MoodEnergyPoint[];
  from: string;
  to: string;
}) {
  const options = useMemo(() => {
    const rows = points.flatMap((p) => {
      const d = new Date(`${p.date}T00:00:00Z`);
      return [
        ...(p.mood === undefined ? [] : [{ date: d, value: p.mood, series: 'Mood' }]),
        ...(p.energy === undefined ? [] : [{ date: d, value: p.energy, series: 'Energy (mean)' }]),
      ];
    });
    return {
      height: 240,
      marginLeft: 36,
      marginBottom: 32,
      x: { type: 'utc', domain: [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)], label: null },
      y: { domain: [1, 10], label: 'Score (1–10)', grid: true, ticks: [1, 4, 7, 10] },
      color: { domain: ['Mood', 'Energy (mean)'], range: ['var(--chart-1)', 'var(--chart-2)'], legend: true },
      marks: [
        Plot.line(rows, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2, curve: 'monotone-x' }),
        Plot.dot(rows, { x: 'date', y: 'value', fill: 'series', r: 2.5 }),
        Plot.tip(
          rows,
          Plot.pointerX({
            x: 'date',
            y: 'value',
            stroke: 'series',
            title: (r: { date: Date; value: number; series: string }) =>
              `${formatDate(r.date.toISOString().slice(0, 10))}\n${r.series}: ${r.value.toFixed(1)}`,
          }),
        ),
      ],
    } as Plot.PlotOptions;
  }, [points, from, to]);
  return <PlotFigure options={options} summary={summariseMoodEnergy(points)} />;
}
