/**
 * Questionnaire scores over time beside diary mood: one small panel per measure, stacked on a
 * shared date axis (each keeps its own scale: PHQ-9 0–27, GAD-7 0–21, WHO-5 0–100, mood 1–10),
 * with the instrument's bands shaded. Loaded lazily: Observable Plot is only fetched here.
 */
import { useMemo } from 'react';
import { addDays } from '../../core/dates.ts';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../../core/screeners/instruments.ts';
import { Plot, PlotFigure } from '../charts/PlotFigure.tsx';
import { countOf } from '../words.ts';
import type { OverviewAnswer } from './queries.ts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

function Panel({
  title,
  rows,
  domain,
  yDomain,
  bands,
  summary,
}: {
  title: string;
  rows: { date: Date; value: number }[];
  domain: [Date, Date];
  yDomain: [number, number];
  bands?: { min: number; max: number; label: string }[];
  summary: string;
}) {
  const options = useMemo(
    () =>
      ({
        height: 150,
        marginLeft: 40,
        marginBottom: 28,
        x: { type: 'utc', domain, label: null },
        y: { domain: yDomain, label: null, grid: true, ticks: 4 },
        marks: [
          ...(bands
            ? [
                Plot.rectY(bands, {
                  x1: domain[0],
                  x2: domain[1],
                  y1: 'min',
                  y2: 'max',
                  fill: (_: unknown, i: number) => (i % 2 ? 'var(--surface-2)' : 'transparent'),
                }),
              ]
            : []),
          Plot.line(rows, { x: 'date', y: 'value', stroke: 'var(--chart-1)', strokeWidth: 2 }),
          Plot.dot(rows, { x: 'date', y: 'value', fill: 'var(--chart-1)', r: 3 }),
        ],
      }) as Plot.PlotOptions,
    [rows, domain, yDomain, bands],
  );
  return (
    <div className="checks-panel">
      <h3 className="small">{title}</h3>
      <PlotFigure options={options} summary={summary} />
    </div>
  );
}

export default function ChecksChart({ overview }: { overview: OverviewAnswer }) {
  const dates = [...overview.scores.map((s) => s.date), ...overview.mood.map((m) => m.date)].sort();
  // At least four weeks wide, so a first result does not sit alone on a zero-width axis.
  const fourWeeksAgo = addDays(overview.today, -27);
  const first = dates[0] && dates[0] < fourWeeksAgo ? dates[0] : fourWeeksAgo;
  const domain: [Date, Date] = [day(first), day(overview.today)];
  const mood = overview.mood.map((m) => ({ date: day(m.date), value: m.mood }));
  return (
    <div className="checks-chart">
      {mood.length > 0 ? (
        <Panel
          title="Mood (diary, 1–10)"
          rows={mood}
          domain={domain}
          yDomain={[1, 10]}
          summary={`Diary mood on ${countOf(mood.length, 'day')}.`}
        />
      ) : (
        <p className="small muted">
          No diary mood logged in this time yet: your daily check-ins will appear here.
        </p>
      )}
      {INSTRUMENT_IDS.map((id) => {
        const inst = INSTRUMENTS[id];
        const rows = overview.scores
          .filter((s) => s.instrument === id)
          .flatMap((s) => (s.score === null ? [] : [{ date: day(s.date), value: s.score }]));
        if (rows.length === 0) return null;
        return (
          <Panel
            key={id}
            title={`${inst.shortName} (${inst.scoreRange.min}–${inst.scoreRange.max})`}
            rows={rows}
            domain={domain}
            yDomain={[inst.scoreRange.min, inst.scoreRange.max]}
            bands={[...inst.bands]}
            summary={`${inst.shortName}: ${rows.length} results, latest ${rows.at(-1)?.value}.`}
          />
        );
      })}
    </div>
  );
}
