/**
 * Insights: charts of the person's diary (lazy, with Observable Plot), "what goes with my better
 * days" worded as association, today's cited suggestions, and personal experiments.
 */
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { addDays } from '../../core/dates.ts';
import { DayRangePicker, useDayRange } from '../components/DayRange.tsx';
import { Loading } from '../components/States.tsx';
import { useToday } from '../useToday.ts';
import './insights.css';

const InsightsCharts = lazy(() => import('./InsightsCharts.tsx'));
const InsightsAssociations = lazy(() => import('./InsightsAssociations.tsx'));
const InsightsRecommendations = lazy(() => import('./InsightsRecommendations.tsx'));
const InsightsExperiments = lazy(() => import('./InsightsExperiments.tsx'));

const RANGES = [90, 180, 365] as const;

export default function Insights() {
  const today = useToday();
  const [range, setRange] = useDayRange(RANGES);
  const from = addDays(today, -(range - 1));
  return (
    <div className="cap-insights">
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
          <DayRangePicker ranges={RANGES} value={range} onChange={setRange} />
        </div>
        <Suspense fallback={<Loading label="Drawing your charts…" />}>
          <InsightsCharts from={from} to={today} />
        </Suspense>
      </section>

      <section aria-labelledby="better-days-title" className="insights-section card">
        <h2 id="better-days-title">What goes with my better days</h2>
        <Suspense fallback={<Loading />}>
          <InsightsAssociations today={today} />
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
