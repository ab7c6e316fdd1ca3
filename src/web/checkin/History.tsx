/**
 * History: the days logged, newest first — check-ins, days imported from other trackers and what a
 * phone or watch recorded — and a mood and energy chart over 30, 90 or 365 days.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { addDays } from '../../core/dates.ts';
import { DayRangePicker, useDayRange } from '../components/DayRange.tsx';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { DeviceValues } from '../days/DeviceValues.tsx';
import { dayHeadline, hasOwnCheckin } from '../days/days.ts';
import { ImportedChips } from '../days/ImportedChips.tsx';
import { formatDate, useToday } from '../useToday.ts';
import { checkinDaysQuery } from './queries.ts';

const MoodEnergyChart = lazy(() => import('../charts/MoodEnergyChart.tsx'));
const SampleDataButton = lazy(() => import('../demo/SampleDataButton.tsx'));

const RANGES = [30, 90, 365] as const;

export default function History() {
  const today = useToday();
  const [range, setRange] = useDayRange(RANGES);
  const from = addDays(today, -(range - 1));
  const q = useQuery(checkinDaysQuery(from, today));
  const points = q.data?.days.map((d) => ({ date: d.date, ...dayHeadline(d) })) ?? [];
  // Days a device recorded hold no mood or energy: no empty chart for a person who only imports those.
  const charted = points.some((p) => p.mood !== undefined || p.energy !== undefined);

  return (
    <div className="cap-checkin history">
      <header className="page-head">
        <div>
          <h1>History</h1>
          <p className="muted">
            Your check-ins, imported days and what your phone or watch recorded, newest first.
          </p>
        </div>
        <DayRangePicker ranges={RANGES} value={range} onChange={setRange} />
      </header>
      {q.isPending && <Loading label="Loading your history…" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.data && q.data.days.length === 0 && (
        <EmptyState
          title={`No check-ins in the last ${range} days`}
          action={
            <Link className="button" to="/today">
              Start today’s check-in
            </Link>
          }
        >
          A check-in takes under 30 seconds: tap your mood, energy and anything else you want to track. Your
          days will appear here with a chart of mood and energy over time.
          {/* HISTORY EMPTY: capabilities add more ways to start below this line. */}
          <Suspense fallback={null}>
            <SampleDataButton />
          </Suspense>
        </EmptyState>
      )}
      {q.data && q.data.days.length > 0 && (
        <>
          {charted && (
            <section className="card">
              <h2 className="card-title">Mood and energy</h2>
              <Suspense fallback={<Loading label="Drawing the chart…" />}>
                <MoodEnergyChart from={from} to={today} points={points} />
              </Suspense>
            </section>
          )}
          <ol className="day-list">
            {q.data.days.map((d) => (
              <li key={d.date}>
                <Link
                  className="day card"
                  to={`/today?date=${d.date}`}
                  aria-label={`${hasOwnCheckin(d) ? 'Edit' : 'Open'} ${formatDate(d.date)}`}
                >
                  <span className="day-date">{formatDate(d.date)}</span>
                  {hasOwnCheckin(d) && (
                    <span className="chips">
                      {d.checkin.mood !== undefined && (
                        <span className="chip chip-mood">Mood {d.checkin.mood}</span>
                      )}
                      {d.derived.energyAverage !== undefined && (
                        <span className="chip">Energy {d.derived.energyAverage.toFixed(1)}</span>
                      )}
                      {d.derived.sleepHours !== undefined && (
                        <span className="chip">Sleep {d.derived.sleepHours.toFixed(1)} h</span>
                      )}
                      {d.derived.gutComfort !== undefined && (
                        <span className="chip">Gut comfort {d.derived.gutComfort.toFixed(1)}</span>
                      )}
                    </span>
                  )}
                  {d.imported?.map((i) => (
                    <ImportedChips key={i.source} imported={i} />
                  ))}
                  {d.devices && <DeviceValues values={d.devices} />}
                  {d.checkin.note && <span className="day-note muted">{d.checkin.note}</span>}
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
