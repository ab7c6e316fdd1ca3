/**
 * The weekly report: averages against last week, program goals met, the best-supported
 * associations and the week's suggestions; "Print" gives a clean one-or-two-page version.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { addDays, isLocalDate } from '../../core/dates.ts';
import { ErrorState, Loading } from '../components/States.tsx';
import { sourceName } from '../days/days.ts';
import { enrolmentDetailsQuery } from '../programs/queries.ts';
import { formatDate, useToday } from '../useToday.ts';
import { countOf } from '../words.ts';
import { oneDecimal } from './format.ts';
import { RecommendationCard, SupportPrompt } from './InsightsRecommendations.tsx';
import { type WeekRow, weekQuery } from './queries.ts';
import './insights.css';

/** Totals and counts read as whole numbers (plants to the quarter); averages with one decimal. */
const COUNTED = new Set(['movement', 'fermented_days', 'plants']);

function figure(r: WeekRow, x: number | null): string {
  if (x === null) return '–';
  return COUNTED.has(r.key) ? String(Number(x.toFixed(2))) : oneDecimal(x);
}

function change(r: WeekRow): string {
  if (r.change === null) return '–';
  const text = figure(r, Math.abs(r.change));
  if (Number(text) === 0) return 'same';
  return `${r.change > 0 ? '+' : '−'}${text}`;
}

function tone(r: WeekRow): string {
  if (r.change === null || Number(r.change.toFixed(1)) === 0) return '';
  return r.change > 0 === r.higherIsBetter ? 'better' : 'worse';
}

function GoalsMet({ from, to }: { from: string; to: string }) {
  const q = useQuery(enrolmentDetailsQuery());
  if (q.isPending) return <p className="muted">Loading your programs…</p>;
  if (q.isError) return <ErrorState error={q.error} />;
  const programs = q.data
    .map((p) => {
      const days = p.calendar.filter((d) => d.date >= from && d.date <= to && d.state !== 'future');
      return {
        title: p.program.title,
        days: days.length,
        complete: days.filter((d) => d.state === 'complete').length,
        goals: days.reduce((s, d) => s + d.met.length, 0),
      };
    })
    .filter((p) => p.days > 0);
  if (programs.length === 0)
    return (
      <p className="insight-empty">
        No program ran this week. <Link to="/programs">See the programs</Link>
      </p>
    );
  return (
    <ul className="week-goals">
      {programs.map((p) => (
        <li key={p.title}>
          <strong>{p.title}:</strong> every daily goal met on {p.complete} of {countOf(p.days, 'day')};{' '}
          {countOf(p.goals, 'goal')} met in all.
        </li>
      ))}
    </ul>
  );
}

export default function InsightsWeek() {
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const asked = params.get('end');
  const end = asked && isLocalDate(asked) && asked <= today ? asked : today;
  const q = useQuery(weekQuery(end));
  return (
    <div className="cap-insights week-report">
      <header className="page-head">
        <div>
          <h1>Weekly report</h1>
          <p className="muted">
            {formatDate(addDays(end, -6))} – {formatDate(end)}
          </p>
        </div>
        <div className="week-nav no-print">
          <button
            type="button"
            className="button secondary"
            onClick={() => setParams({ end: addDays(end, -7) })}
          >
            ← Week before
          </button>
          {end < today && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setParams({ end: [addDays(end, 7), today].sort()[0] as string })}
            >
              Week after →
            </button>
          )}
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <p className="no-print small">
        <Link to="/insights">Back to Insights</Link>
      </p>
      {q.isPending && <Loading label="Putting your week together…" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.data && (
        <>
          <section className="card" aria-labelledby="averages-title">
            <h2 className="card-title" id="averages-title">
              This week and last
            </h2>
            {q.data.imported.map((i) => (
              <p key={i.source} className="muted small week-imported">
                Includes values imported from {sourceName(i.source)} on {i.days} day{i.days === 1 ? '' : 's'}{' '}
                this week (read-only; your own check-in counts first where both exist).
              </p>
            ))}
            <div className="table-scroll">
              <table className="week-table">
                <caption className="visually-hidden">
                  Averages this week ({q.data.thisWeek.from} to {q.data.thisWeek.to}) against last week
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">This week</th>
                    <th scope="col">Last week</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">
                        {r.label} <span className="unit muted small">{r.unit}</span>
                      </th>
                      <td>
                        {figure(r, r.thisWeek)}
                        {r.thisDays > 0 && (
                          <span className="days muted small">
                            {r.thisDays} day{r.thisDays === 1 ? '' : 's'}
                          </span>
                        )}
                      </td>
                      <td>
                        {figure(r, r.lastWeek)}
                        {r.lastDays > 0 && (
                          <span className="days muted small">
                            {r.lastDays} day{r.lastDays === 1 ? '' : 's'}
                          </span>
                        )}
                      </td>
                      <td className={tone(r)}>{change(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="small muted">
              Days: how many days were logged behind each figure. Movement is a total; plants are the 7-day
              count on the last day with food logged.
            </p>
          </section>

          <section className="card" aria-labelledby="goals-title">
            <h2 className="card-title" id="goals-title">
              Goals met
            </h2>
            <GoalsMet from={q.data.thisWeek.from} to={q.data.thisWeek.to} />
          </section>

          <section className="card" aria-labelledby="assoc-title">
            <h2 className="card-title" id="assoc-title">
              Best-supported associations
            </h2>
            {q.data.associations.length === 0 ? (
              <p className="insight-empty">
                Not enough days yet to show any: a comparison needs at least 14 paired days.
              </p>
            ) : (
              <ul className="association-list">
                {q.data.associations.map((a) => (
                  <li key={`${a.factor}-${a.outcome}-${a.lag}`}>{a.sentence}</li>
                ))}
              </ul>
            )}
            <p className="small muted">Associations in your own diary, not proof of cause.</p>
          </section>

          <section aria-labelledby="week-recs-title">
            <h2 id="week-recs-title">This week’s suggestions</h2>
            {q.data.support ? (
              <SupportPrompt support={q.data.support} />
            ) : q.data.recommendations.length === 0 ? (
              <p className="insight-empty">No suggestions this week.</p>
            ) : (
              q.data.recommendations.map((r) => <RecommendationCard key={r.id} rec={r} />)
            )}
          </section>
        </>
      )}
    </div>
  );
}
