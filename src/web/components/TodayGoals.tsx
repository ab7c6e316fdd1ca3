/**
 * Today's program goals, for the Today page: one card per program the person is in, ticked from
 * what they logged. Without a program, a short invitation to the 30-day challenge.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { todayProgramsQuery } from '../programs/queries.ts';
import '../tracking/tracking.css';
import { GoalList } from './GoalList.tsx';
import { ErrorState, Loading } from './States.tsx';

export function TodayGoals({ date }: { date: string }) {
  const q = useQuery(todayProgramsQuery(date));
  if (q.isPending) return <Loading label="Loading your goals…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.data.programs.length === 0) {
    return (
      <section className="card today-goals" aria-labelledby="today-goals-title">
        <h2 id="today-goals-title" className="card-title">
          Programs
        </h2>
        <p className="muted">
          Build habits step by step with the 30-day gut–brain challenge or the gentler three-level guide.{' '}
          <Link to="/programs">Choose a program</Link>
        </p>
      </section>
    );
  }
  return (
    <>
      {q.data.programs.map((p) => (
        <section
          key={p.enrolment.id}
          className="card today-goals"
          aria-label={`${p.program.title}: today’s goals`}
        >
          <div className="today-goals-head">
            <h2 className="card-title">{p.program.title}</h2>
            {p.day && (
              <span className="muted small">
                Day {p.day.day}
                {p.program.lengthDays ? ` of ${p.program.lengthDays}` : ''} · {p.day.weekTitle}
              </span>
            )}
          </div>
          {p.day ? (
            <>
              <GoalList enrolmentId={p.enrolment.id} date={q.data.date} goals={p.day.goals} />
              <p className="muted small">
                {p.day.dailyRequired > 0
                  ? `${p.day.dailyMet} of ${p.day.dailyRequired} daily goals done`
                  : `${p.day.goals.filter((g) => g.required && g.status === 'met').length} of ${p.day.goals.filter((g) => g.required).length} weekly goals met`}{' '}
                · streak {p.streaks.current}{' '}
                {p.streaks.current === 1 ? p.streaks.unit.slice(0, -1) : p.streaks.unit} ·{' '}
                <Link to="/log">Log food and habits</Link> · <Link to="/programs">Calendar</Link>
              </p>
            </>
          ) : (
            <p className="muted">
              {p.state === 'paused' && 'Paused. Your goals return when you resume. '}
              {p.state === 'upcoming' && `Starts on ${p.enrolment.startDate}. `}
              {p.state === 'completed' && 'Finished — see your report. '}
              <Link to="/programs">Open the program</Link>
            </p>
          )}
        </section>
      ))}
    </>
  );
}
