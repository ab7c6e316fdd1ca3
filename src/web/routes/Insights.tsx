/**
 * Insights: charts of the person's diary (lazy, with Observable Plot), "what goes with my better
 * days" worded as association, today's cited suggestions, and personal experiments.
 */
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../core/dates.ts';
import { Loading } from '../components/States.tsx';
import { useToday } from '../useToday.ts';
import './insights.css';
import './learn.css';

const InsightsCharts = lazy(() => import('./InsightsCharts.tsx'));
const InsightsAssociations = lazy(() => import('./InsightsAssociations.tsx'));
const InsightsRecommendations = lazy(() => import('./InsightsRecommendations.tsx'));
const InsightsExperiments = lazy(() => import('./InsightsExperiments.tsx'));

const RANGES = [90, 180, 365] as const;

export default function Insights() {
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const range = RANGES.find((r) => String(r) === params.get('days')) ?? 90;
  const from = addDays(today, -(range - 1));
  return (
    <div className="insights">
      <header className="page-head">
        <div>
          <h1>Insights</h1>
          <p className="muted">
            What your own days show. <Link to="/insights/week">Weekly report</Link>
          </p>
        </div>
      </header>

      <section aria-labelledby="suggestions-title" className="insights-section">
        <h2 id="suggestions-title">Suggestions for today</h2>
        <p className="small muted">
          At most three, from your last two weeks. Each says what it noticed and which research it rests on.
        </p>
        <Suspense fallback={<Loading />}>
          <InsightsRecommendations today={today} />
        </Suspense>
      </section>

      <section aria-labelledby="charts-title" className="insights-section">
        <div className="insights-section-head">
          <h2 id="charts-title">Your days in charts</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">Range</legend>
            {RANGES.map((r) => (
              <button
                key={r}
                type="button"
                className={r === range ? 'selected' : ''}
                aria-pressed={r === range}
                onClick={() => setParams({ days: String(r) })}
              >
                {r} days
              </button>
            ))}
          </fieldset>
        </div>
        <Suspense fallback={<Loading label="Drawing your charts…" />}>
          <InsightsCharts from={from} to={today} />
        </Suspense>
      </section>

      <section aria-labelledby="better-days-title" className="insights-section card">
        <h2 id="better-days-title">What goes with my better days</h2>
        <Suspense fallback={<Loading />}>
          <InsightsAssociations />
        </Suspense>
      </section>

      <section aria-labelledby="experiments-title" className="insights-section">
        <h2 id="experiments-title">Experiments</h2>
        <Suspense fallback={<Loading />}>
          <InsightsExperiments today={today} />
        </Suspense>
      </section>
    </div>
  );
}
