/**
 * The diary charts of Insights (loaded lazily with Observable Plot): mood, energy and sleep with a
 * 7-day rolling mean; a calendar heatmap of mood; energy through the day against the daily rhythm
 * from the knowledge graph.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type DatedValue, rollingMean } from '../../core/insights/series.ts';
import type { EdgeView } from '../../core/knowledge/views.ts';
import { api } from '../api.ts';
import { Plot } from '../charts/PlotFigure.tsx';
import { EvidenceBadge } from '../components/EvidenceBadge.tsx';
import { formatDate } from '../useToday.ts';
import { countOf } from '../words.ts';
import { oneDecimal } from './format.ts';
import { ChartCard, mean, shortDate, utcDay } from './InsightsChartCard.tsx';
import InsightsHabitCharts from './InsightsHabitCharts.tsx';
import { type ChartMeasure, type DailyAnswer, dailyQuery } from './queries.ts';

type Day = DailyAnswer['days'][number];

function series(days: readonly Day[], pick: (d: Day) => number | undefined): DatedValue[] {
  return days.flatMap((d) => {
    const v = pick(d);
    return v === undefined ? [] : [{ date: d.date, value: v }];
  });
}

const energyOf = (d: Day) => {
  const parts = [d.values.energy_morning, d.values.energy_midday, d.values.energy_evening].filter(
    (v): v is number => v !== undefined,
  );
  return parts.length ? (mean(parts) as number) : undefined;
};

interface Trend {
  id: string;
  title: string;
  unit: string;
  yLabel: string;
  domain: [number, number];
  pick: (d: Day) => number | undefined;
  colour: string;
}

const TRENDS: Trend[] = [
  {
    id: 'mood',
    title: 'Mood',
    unit: 'out of 10',
    yLabel: 'Mood (1–10)',
    domain: [1, 10],
    pick: (d) => d.values.mood,
    colour: 'var(--chart-1)',
  },
  {
    id: 'energy',
    title: 'Energy',
    unit: 'out of 10',
    yLabel: 'Energy, mean of the day (1–10)',
    domain: [1, 10],
    pick: energyOf,
    colour: 'var(--chart-2)',
  },
  {
    id: 'sleep',
    title: 'Sleep',
    unit: 'hours',
    yLabel: 'Sleep (hours)',
    domain: [0, 12],
    pick: (d) => d.values.sleep_hours,
    colour: 'var(--chart-3)',
  },
];

function TrendChart({ t, days, from, to }: { t: Trend; days: readonly Day[]; from: string; to: string }) {
  const points = useMemo(() => series(days, t.pick), [days, t]);
  const rolling = useMemo(() => rollingMean(points).filter((p) => p.value !== null), [points]);
  const options = useMemo(
    () =>
      ({
        height: 200,
        marginLeft: 44,
        marginBottom: 34,
        x: { type: 'utc', domain: [utcDay(from), utcDay(to)], label: 'Date' },
        y: { domain: t.domain, label: t.yLabel, grid: true },
        marks: [
          Plot.dot(points, {
            x: (p: DatedValue) => utcDay(p.date),
            y: 'value',
            r: 2,
            fill: t.colour,
            fillOpacity: 0.35,
          }),
          Plot.line(rolling, {
            x: (p: DatedValue) => utcDay(p.date),
            y: 'value',
            stroke: t.colour,
            strokeWidth: 2.5,
          }),
        ],
      }) as Plot.PlotOptions,
    [points, rolling, from, to, t],
  );
  const last = rolling.at(-1);
  const summary = points.length
    ? `${t.title} averaged ${oneDecimal(mean(points.map((p) => p.value)))} ${t.unit} over ${countOf(points.length, 'day')} from ${formatDate(from)} to ${formatDate(to)}${last ? `; the 7-day average on ${formatDate(last.date)} was ${oneDecimal(last.value)}` : ''}.`
    : '';
  return (
    <ChartCard
      id={`trend-${t.id}`}
      title={`${t.title} over time`}
      description={`Dots are single days; the line is the average of the 7 days up to each day (drawn once 4 of them are logged).`}
      empty={
        points.length
          ? null
          : `No ${t.title.toLowerCase()} logged in this range yet. Log it in your daily check-in.`
      }
      options={points.length ? options : null}
      summary={summary}
    />
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function MoodCalendar({ days, from }: { days: readonly Day[]; from: string }) {
  const cells = useMemo(() => {
    const start = utcDay(from).getTime();
    const startDow = (utcDay(from).getUTCDay() + 6) % 7;
    return series(days, (d) => d.values.mood).map((p) => {
      const offset = Math.round((utcDay(p.date).getTime() - start) / 86_400_000) + startDow;
      return { ...p, week: Math.floor(offset / 7), weekday: WEEKDAYS[offset % 7] as string };
    });
  }, [days, from]);
  const weekStarts = useMemo(() => {
    const m = new Map<number, string>();
    for (const c of cells) if (!m.has(c.week)) m.set(c.week, c.date);
    return m;
  }, [cells]);
  const options = useMemo(
    () =>
      ({
        height: 220,
        marginLeft: 40,
        marginBottom: 34,
        padding: 0.08,
        x: {
          label: 'Week starting',
          tickFormat: (w: number) => {
            const d = weekStarts.get(w);
            return d && w % 4 === 0 ? shortDate(d) : '';
          },
        },
        y: { domain: WEEKDAYS, label: null },
        color: {
          type: 'linear',
          domain: [1, 10],
          range: ['#c7772b', '#f3e9c6', '#2f7d6d'],
          interpolate: 'rgb',
          legend: true,
          label: 'Mood (1–10)',
        },
        marks: [Plot.cell(cells, { x: 'week', y: 'weekday', fill: 'value', inset: 0.5, rx: 2 })],
      }) as Plot.PlotOptions,
    [cells, weekStarts],
  );
  const low = cells.filter((c) => c.value <= 3).length;
  const high = cells.filter((c) => c.value >= 8).length;
  return (
    <ChartCard
      id="mood-calendar"
      title="Mood calendar"
      description="One square per day, one column per week. Green is a better day, orange a harder one; blank days were not logged."
      empty={cells.length ? null : 'Your mood calendar fills in as you log your mood.'}
      options={cells.length ? options : null}
      summary={`${countOf(cells.length, 'day')} with mood logged: ${countOf(high, 'day')} at 8 or more and ${countOf(low, 'day')} at 3 or less.`}
    />
  );
}

/**
 * GET /api/knowledge/rhythm, written by hand until the knowledge capability moves into the contract
 * (issue 19 part A); then it becomes that endpoint's OutputOf.
 */
interface RhythmAnswer {
  phases: {
    id: string;
    name: string;
    summary: string;
    from?: string;
    to?: string;
    energyMeasure: string | null;
    events: EdgeView[];
  }[];
}

function EnergyThroughTheDay({ days }: { days: readonly Day[] }) {
  const rhythm = useQuery({
    queryKey: ['knowledge', 'rhythm'],
    queryFn: () => api.get<RhythmAnswer>('/api/knowledge/rhythm'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const phases = (rhythm.data?.phases ?? []).filter((p) => p.energyMeasure);
  const bars = phases.map((p) => {
    const values = days.flatMap((d) => {
      const v = d.values[p.energyMeasure as ChartMeasure];
      return v === undefined ? [] : [v];
    });
    return { label: p.name, hours: `${p.from}–${p.to}`, value: mean(values), n: values.length };
  });
  const drawn = bars.filter((b) => b.value !== null);
  const options = {
    height: 200,
    marginLeft: 44,
    marginBottom: 40,
    x: { domain: bars.map((b) => b.label), label: 'Part of the day' },
    y: { domain: [0, 10], label: 'Average energy (1–10)', grid: true },
    marks: [
      Plot.barY(drawn, { x: 'label', y: 'value', fill: 'var(--chart-2)' }),
      Plot.text(drawn, {
        x: 'label',
        y: 'value',
        text: (b: { value: number }) => oneDecimal(b.value),
        dy: -8,
      }),
    ],
  } as Plot.PlotOptions;
  return (
    <ChartCard
      id="energy-day"
      title="Energy through the day"
      description="Your average energy in the morning, at midday and in the evening, beside what the daily rhythm says happens in the body then."
      empty={
        drawn.length
          ? null
          : 'Log energy in the morning, at midday or in the evening to see your day’s shape.'
      }
      options={drawn.length ? options : null}
      summary={drawn
        .map((b) => `${b.label} (${b.hours}): ${oneDecimal(b.value)} out of 10 over ${countOf(b.n, 'day')}`)
        .join('; ')}
    >
      {bars.length > 0 && (
        <p className="small muted">
          Clock hours from the daily rhythm: {bars.map((b) => `${b.label} ${b.hours}`).join(' · ')}.
        </p>
      )}
      {phases.length > 0 && (
        <details className="rhythm-events">
          <summary>What the daily rhythm says about each part of the day</summary>
          {phases.map((p) => (
            <div key={p.id}>
              <h4>
                {p.name}{' '}
                <span className="muted small">
                  {p.from}–{p.to}
                </span>
              </h4>
              <ul>
                {p.events.map((e) => (
                  <li key={e.id}>
                    {e.note} <EvidenceBadge grade={e.grade} />{' '}
                    <Link to={`/learn/${e.from.id}`}>{e.from.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </ChartCard>
  );
}

export default function InsightsCharts({ from, to }: { from: string; to: string }) {
  const q = useQuery(dailyQuery(from, to));
  const days = q.data?.days ?? [];
  if (q.isPending) return <p className="muted">Drawing your charts…</p>;
  return (
    <div className="insight-charts">
      {TRENDS.map((t) => (
        <TrendChart key={t.id} t={t} days={days} from={from} to={to} />
      ))}
      <MoodCalendar days={days} from={from} />
      <EnergyThroughTheDay days={days} />
      <InsightsHabitCharts days={days} from={from} to={to} />
    </div>
  );
}
