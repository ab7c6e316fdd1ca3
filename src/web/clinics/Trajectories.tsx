/**
 * One person's trajectories for the clinician: a panel per questionnaire on a shared date axis with
 * the instrument's band lines drawn and labelled, daily mood beneath, and the clinic's
 * treatment-phase markers as dashed vertical lines through every panel. Loaded lazily: Observable
 * Plot is only fetched here.
 */
import { useMemo } from 'react';
import { Plot, PlotFigure } from '../charts/PlotFigure.tsx';
import type { ClinicPersonPage, Trajectory } from './queries.ts';
import { shortDate } from './words.ts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
type Marker = ClinicPersonPage['markers'][number];

function Panel({
  title,
  rows,
  domain,
  yDomain,
  bandLines,
  markers,
  summary,
}: {
  title: string;
  rows: { date: Date; value: number }[];
  domain: [Date, Date];
  yDomain: [number, number];
  bandLines: Trajectory['bandLines'];
  markers: readonly Marker[];
  summary: string;
}) {
  const options = useMemo(() => {
    // A line at the foot of every band above the lowest, labelled with the band's own name.
    const lines = bandLines.filter((b) => b.min > yDomain[0]);
    const middle = (domain[0].getTime() + domain[1].getTime()) / 2;
    return {
      height: 170,
      marginLeft: 40,
      marginRight: 12,
      marginBottom: 28,
      x: { type: 'utc', domain, label: null },
      y: { domain: yDomain, label: null, ticks: 4 },
      marks: [
        Plot.ruleY(lines, { y: 'min', stroke: 'var(--border)', strokeWidth: 1.5 }),
        Plot.text(lines, {
          x: domain[0],
          y: 'min',
          text: 'label',
          textAnchor: 'start',
          dy: -6,
          dx: 4,
          fill: 'var(--muted)',
          fontSize: 10,
        }),
        Plot.ruleX(
          markers.map((m) => ({ ...m, at: day(m.date) })),
          { x: 'at', stroke: 'var(--chart-3)', strokeDasharray: '4 3', strokeWidth: 1.5 },
        ),
        // Labels read away from the nearer edge, so one near today is not cut off.
        ...(['start', 'end'] as const).map((anchor) =>
          Plot.text(
            markers
              .map((m) => ({ ...m, at: day(m.date) }))
              .filter((m) => (m.at.getTime() < middle ? anchor === 'start' : anchor === 'end')),
            {
              x: 'at',
              y: yDomain[1],
              text: 'label',
              textAnchor: anchor,
              dx: anchor === 'start' ? 4 : -4,
              dy: 6,
              fill: 'var(--chart-3)',
              fontSize: 10,
            },
          ),
        ),
        Plot.line(rows, { x: 'date', y: 'value', stroke: 'var(--chart-1)', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'date', y: 'value', fill: 'var(--chart-1)', r: 3 }),
      ],
    } as Plot.PlotOptions;
  }, [rows, domain, yDomain, bandLines, markers]);
  return (
    <div className="trajectory-panel">
      <h3 className="small">{title}</h3>
      <PlotFigure options={options} summary={summary} />
    </div>
  );
}

export default function Trajectories({ page }: { page: ClinicPersonPage }) {
  const domain: [Date, Date] = [day(page.period.from), day(page.period.to)];
  const markerWords = page.markers.map((m) => `${m.label} on ${shortDate(m.date)}`).join('; ');
  const mood = page.diary.moodSeries.map((m) => ({ date: day(m.date), value: m.mood }));
  return (
    <div className="trajectories">
      {page.trajectories.map((t) => {
        const rows = t.series.map((p) => ({ date: day(p.date), value: p.score }));
        return (
          <Panel
            key={t.instrument}
            title={`${t.name} (${t.scoreRange.min}–${t.scoreRange.max})`}
            rows={rows}
            domain={domain}
            yDomain={[t.scoreRange.min, t.scoreRange.max]}
            bandLines={t.bandLines}
            markers={page.markers}
            summary={`${t.name}: ${t.series.map((p) => `${p.score} on ${shortDate(p.date)}`).join(', ') || 'no results'}. ${markerWords}`}
          />
        );
      })}
      <Panel
        title="Daily mood (1–10)"
        rows={mood}
        domain={domain}
        yDomain={[1, 10]}
        bandLines={[]}
        markers={page.markers}
        summary={`Daily mood on ${mood.length} days. ${markerWords}`}
      />
    </div>
  );
}
