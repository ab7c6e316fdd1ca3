/**
 * The weekly and side-by-side charts of Insights: plants per week against 30, fermented days per
 * week, questionnaire scores beside mood, and program completion by week.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { daysBetween } from '../../core/dates.ts';
import { fermentedDaysPerWeek, plantsPerWeek, weeksEnding } from '../../core/insights/series.ts';
import { Plot, PlotFigure } from '../charts/PlotFigure.tsx';
import { overviewQuery } from '../checks/queries.ts';
import { enrolmentDetailsQuery } from '../programs/queries.ts';
import { formatDate } from '../useToday.ts';
import { countOf } from '../words.ts';
import { oneDecimal } from './format.ts';
import { ChartCard, utcDay } from './InsightsChartCard.tsx';
import type { ChartMeasure, DailyAnswer } from './queries.ts';

type Day = DailyAnswer['days'][number];

/** The goal of the 30-plants challenge (McDonald et al. 2018, doi:10.1128/mSystems.00031-18). */
const PLANT_GOAL = 30;

const pick = (days: readonly Day[], key: ChartMeasure) =>
  days.flatMap((d) =>
    d.values[key] === undefined ? [] : [{ date: d.date, value: d.values[key] as number }],
  );

function WeeklyFoodCharts({ days, from, to }: { days: readonly Day[]; from: string; to: string }) {
  const weeks = useMemo(
    () => weeksEnding(to, Math.max(1, Math.floor((daysBetween(from, to) + 1) / 7))),
    [from, to],
  );
  const plants = plantsPerWeek(pick(days, 'plant_points_week'), weeks);
  const fermented = fermentedDaysPerWeek(pick(days, 'fermented_servings'), pick(days, 'food_entries'), weeks);
  const plantRows = plants
    .filter((w) => w.plants !== null)
    .map((w) => ({ week: utcDay(w.to), plants: w.plants as number }));
  const fermentRows = fermented
    .filter((w) => w.loggedDays > 0)
    .map((w) => ({ week: utcDay(w.to), days: w.days }));
  const met = plantRows.filter((r) => r.plants >= PLANT_GOAL).length;
  const bar = { x: 'week', interval: 'week' } as const;
  return (
    <>
      <ChartCard
        id="plants"
        title="Plants per week"
        description="Different plants eaten in each 7 days (herbs and spices count a quarter), against the goal of 30."
        empty={plantRows.length ? null : 'Log foods to count your plants each week.'}
        options={
          {
            height: 200,
            marginLeft: 44,
            marginBottom: 34,
            x: { type: 'utc', label: 'Week ending' },
            y: {
              label: 'Plant points (goal 30)',
              grid: true,
              domain: [0, Math.max(35, ...plantRows.map((r) => r.plants))],
            },
            marks: [
              Plot.rectY(plantRows, {
                ...bar,
                y: 'plants',
                fill: (r: { plants: number }) =>
                  r.plants >= PLANT_GOAL ? 'var(--chart-1)' : 'var(--chart-3)',
                inset: 1,
              }),
              Plot.ruleY([PLANT_GOAL], { stroke: 'var(--text)', strokeDasharray: '4 3' }),
              Plot.text([PLANT_GOAL], {
                y: (d: number) => d,
                frameAnchor: 'right',
                textAnchor: 'end',
                dy: -7,
                text: () => 'goal 30',
                stroke: 'var(--surface)',
                strokeWidth: 4,
                fill: 'var(--text)',
              }),
            ],
          } as Plot.PlotOptions
        }
        summary={`${countOf(plantRows.length, 'week')} with food logged; 30 plants or more in ${met} of them. Latest week: ${Number((plantRows.at(-1)?.plants ?? 0).toFixed(2))} plant points.`}
      />
      <ChartCard
        id="fermented"
        title="Fermented food days per week"
        description="Days in each week with at least one fermented serving (yogurt, kefir, sauerkraut, kimchi…)."
        empty={fermentRows.length ? null : 'Log foods to see how often fermented food is on your plate.'}
        options={
          {
            height: 180,
            marginLeft: 44,
            marginBottom: 34,
            x: { type: 'utc', label: 'Week ending' },
            y: {
              domain: [0, 7],
              label: 'Days with fermented food (of 7)',
              grid: true,
              ticks: [0, 2, 4, 6, 7],
              tickFormat: 'd',
            },
            marks: [Plot.rectY(fermentRows, { ...bar, y: 'days', fill: 'var(--chart-1)', inset: 1 })],
          } as Plot.PlotOptions
        }
        summary={`Fermented food on ${countOf(
          fermentRows.reduce((s, r) => s + r.days, 0),
          'day',
        )} over ${countOf(fermentRows.length, 'week')} with food logged; ${oneDecimal(fermentRows.length ? fermentRows.reduce((s, r) => s + r.days, 0) / fermentRows.length : null)} days a week on average.`}
      />
    </>
  );
}

const INSTRUMENT_LABELS: Record<string, string> = {
  phq9: 'PHQ-9 (0–27)',
  gad7: 'GAD-7 (0–21)',
  who5: 'WHO-5 (0–100)',
};

function QuestionnairesBesideMood({ from, to }: { from: string; to: string }) {
  const q = useQuery(overviewQuery({ from, to }));
  const scores = (q.data?.scores ?? []).filter((s) => s.score !== null && INSTRUMENT_LABELS[s.instrument]);
  // WHO-5 runs 0–100: each score is drawn as a share of its own range so all three share one axis.
  const max: Record<string, number> = { phq9: 27, gad7: 21, who5: 100 };
  const rows = scores.map((s) => ({
    date: utcDay(s.date),
    percent: ((s.score as number) / (max[s.instrument] as number)) * 100,
    instrument: INSTRUMENT_LABELS[s.instrument] as string,
  }));
  const mood = (q.data?.mood ?? []).map((m) => ({ date: utcDay(m.date), mood: m.mood }));
  const x = { type: 'utc', domain: [utcDay(from), utcDay(to)], label: 'Date' } as const;
  const latest = ['phq9', 'gad7', 'who5'].flatMap((i) => {
    const s = scores.filter((r) => r.instrument === i).at(-1);
    return s ? [`${INSTRUMENT_LABELS[i]?.split(' ')[0]} ${s.score} on ${formatDate(s.date)}`] : [];
  });
  const moodOptions = {
    height: 130,
    marginLeft: 44,
    marginBottom: 34,
    x,
    y: { domain: [1, 10], label: 'Mood (1–10)', grid: true, ticks: [1, 5, 10] },
    marks: [Plot.dot(mood, { x: 'date', y: 'mood', r: 1.8, fill: 'var(--chart-1)' })],
  } as Plot.PlotOptions;
  return (
    <ChartCard
      id="questionnaires"
      title="Questionnaire scores beside mood"
      description="PHQ-9 and GAD-7: higher means more symptoms. WHO-5: higher means better well-being. Each is drawn as a share of its scale so they fit one axis; your diary mood is below on the same dates. Scores are not a diagnosis."
      empty={
        q.isPending
          ? 'Loading…'
          : rows.length
            ? null
            : 'Fill in a questionnaire on the Checks page to see it beside your mood.'
      }
      options={
        rows.length
          ? ({
              height: 200,
              marginLeft: 44,
              marginBottom: 34,
              x,
              y: { domain: [0, 100], label: 'Score, share of the scale (%)', grid: true },
              color: {
                legend: true,
                domain: Object.values(INSTRUMENT_LABELS),
                range: ['var(--chart-2)', 'var(--chart-3)', 'var(--chart-1)'],
              },
              marks: [
                Plot.lineY(rows, { x: 'date', y: 'percent', stroke: 'instrument' }),
                Plot.dot(rows, { x: 'date', y: 'percent', fill: 'instrument', r: 3.5 }),
              ],
            } as Plot.PlotOptions)
          : null
      }
      figureExtra={
        mood.length > 0 && (
          <PlotFigure
            options={moodOptions}
            summary={`Mood logged on ${countOf(mood.length, 'day')} in the same range.`}
          />
        )
      }
      summary={`${countOf(rows.length, 'questionnaire')} in this range. Latest: ${latest.join('; ') || 'none'}. Mood logged on ${countOf(mood.length, 'day')}.`}
    >
      <p className="small">
        <Link to="/checks">Go to Checks</Link>
      </p>
    </ChartCard>
  );
}

function ProgramCompletion() {
  const q = useQuery(enrolmentDetailsQuery());
  const programs = q.data ?? [];
  // One bar per program week; the program's title leads the label only when there are several.
  const rows = programs.flatMap((p, i) =>
    p.weeks
      .filter((w) => w.percent !== null)
      .map((w) => ({
        label: programs.length > 1 ? `${i + 1}: week ${w.week}` : `Week ${w.week}`,
        percent: w.percent as number,
      })),
  );
  return (
    <ChartCard
      id="programs"
      title="Program completion"
      description="The share of each week’s goals you met, for every program you have joined."
      empty={q.isPending ? 'Loading…' : rows.length ? null : 'Join a program to see your weeks fill up here.'}
      options={
        {
          height: 60 + 26 * rows.length,
          marginLeft: 70,
          marginRight: 40,
          marginBottom: 34,
          x: { domain: [0, 100], label: 'Goals met (%)', grid: true },
          y: { label: null, domain: rows.map((r) => r.label) },
          marks: [
            Plot.barX(rows, { y: 'label', x: 'percent', fill: 'var(--chart-1)' }),
            Plot.text(rows, {
              y: 'label',
              x: 'percent',
              text: (r: { percent: number }) => `${r.percent}%`,
              dx: 4,
              textAnchor: 'start',
            }),
          ],
        } as Plot.PlotOptions
      }
      summary={(q.data ?? [])
        .map(
          (p) =>
            `${p.program.title}: ${p.weeks
              .filter((w) => w.percent !== null)
              .map((w) => `week ${w.week} ${w.percent}%`)
              .join(', ')}`,
        )
        .join('. ')}
    >
      {rows.length > 0 && (
        <ol className="small muted program-legend">
          {programs.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same program can be joined twice; the order is the list's meaning
            <li key={i}>{p.program.title}</li>
          ))}
        </ol>
      )}
      {rows.length === 0 && !q.isPending && (
        <p className="small">
          <Link to="/programs">See the programs</Link>
        </p>
      )}
    </ChartCard>
  );
}

export default function InsightsHabitCharts({
  days,
  from,
  to,
}: {
  days: readonly Day[];
  from: string;
  to: string;
}) {
  return (
    <>
      <WeeklyFoodCharts days={days} from={from} to={to} />
      <QuestionnairesBesideMood from={from} to={to} />
      <ProgramCompletion />
    </>
  );
}
