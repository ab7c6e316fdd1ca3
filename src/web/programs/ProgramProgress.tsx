/**
 * One enrolment: today's goals, pause / resume / leave / restart, streaks, the calendar, completion
 * per week and the week-1-against-last-week report.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { GoalList } from '../components/GoalList.tsx';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { formatDate } from '../useToday.ts';
import {
  changeEnrolment,
  type EnrolmentAction,
  enrolmentQuery,
  GOAL_KEYS,
  type Progress,
  programKeys,
} from './queries.ts';

const STATE_TEXT: Record<Progress['state'], string> = {
  upcoming: 'Starts soon',
  active: 'In progress',
  paused: 'Paused',
  left: 'Left',
  completed: 'Finished',
};

function Calendar({ p }: { p: Progress }) {
  return (
    <ol className="calendar" aria-label="Program calendar">
      {p.calendar.map((c) => {
        const label = `Day ${c.day}, ${formatDate(c.date, { year: undefined })}: ${
          c.state === 'future'
            ? 'to come'
            : c.state === 'complete'
              ? 'all daily goals done'
              : `${c.met.length} goals done`
        }`;
        return (
          <li
            key={c.date}
            className={`calendar-day state-${c.state}${c.date === p.today ? ' is-today' : ''}`}
            aria-label={label}
            title={label}
            data-date={c.date}
            data-met={c.met.join(' ')}
          >
            <strong>{c.day}</strong>
            <span aria-hidden="true">
              {c.state === 'future' ? '' : c.state === 'complete' ? '✓' : c.met.length}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Report({ p }: { p: Progress }) {
  const r = p.report;
  if (!r) return null;
  const fmt = (m: number | null) => (m === null ? '—' : m.toFixed(1));
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title" className="card-title">
        {r.final ? 'Your report' : 'Report so far'}: week {r.firstWeek} and week {r.lastWeek}
      </h2>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Week {r.firstWeek}</th>
            <th scope="col">Week {r.lastWeek}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {r.measures.map((m) => (
            <tr key={m.measure}>
              <th scope="row">{m.label}</th>
              <td>
                {fmt(m.first.mean)} <span className="muted small">({m.first.days} d)</span>
              </td>
              <td>
                {fmt(m.last.mean)} <span className="muted small">({m.last.days} d)</span>
              </td>
              <td>{m.change === null ? '—' : `${m.change > 0 ? '+' : ''}${m.change.toFixed(1)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Averages of your check-ins, with how many days each rests on (d). A change resting on a few days is a
        weak signal, and a program is one of many things that change across a month — this describes, it does
        not prove.
      </p>
    </section>
  );
}

export function ProgramProgress({ enrolmentId }: { enrolmentId: string }) {
  const qc = useQueryClient();
  const q = useQuery(enrolmentQuery(enrolmentId));
  const act = useMutation({
    mutationFn: (action: EnrolmentAction) => changeEnrolment(enrolmentId, action),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: programKeys.enrolments });
      for (const key of GOAL_KEYS) qc.invalidateQueries({ queryKey: [...key] });
    },
  });
  if (q.isPending) return <Loading label="Loading the program…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const p = q.data;
  const confirmThen = (text: string, action: 'leave' | 'restart') => {
    if (window.confirm(text)) act.mutate(action);
  };
  return (
    <div className="program-grid">
      <div>
        <section className="card" aria-labelledby="program-title">
          <div className="today-goals-head">
            <h2 id="program-title" className="card-title">
              {p.program.title}
            </h2>
            <span className="chip">{STATE_TEXT[p.state]}</span>
          </div>
          {p.day ? (
            <>
              <p className="muted small">
                Day {p.day.day}
                {p.program.lengthDays ? ` of ${p.program.lengthDays}` : ''} · week {p.day.week}:{' '}
                {p.day.weekTitle}
              </p>
              <GoalList enrolmentId={p.enrolment.id} date={p.today} goals={p.day.goals} />
            </>
          ) : (
            <p className="muted">
              {p.state === 'paused' &&
                'Paused — nothing is counted while paused, and your streak waits for you.'}
              {p.state === 'upcoming' && `Starts on ${formatDate(p.enrolment.startDate)}.`}
              {p.state === 'completed' && 'You finished the program. Your report is below.'}
            </p>
          )}
          <div className="goal-actions">
            {p.state === 'paused' ? (
              <button
                type="button"
                className="button secondary small-button"
                onClick={() => act.mutate('resume')}
              >
                Resume
              </button>
            ) : (
              p.state !== 'completed' && (
                <button
                  type="button"
                  className="button secondary small-button"
                  onClick={() => act.mutate('pause')}
                >
                  Pause
                </button>
              )
            )}
            <button
              type="button"
              className="button secondary small-button"
              onClick={() =>
                confirmThen(
                  'Start the program again from day 1 today? Everything you logged stays.',
                  'restart',
                )
              }
            >
              Restart
            </button>
            {p.state !== 'completed' && (
              <button
                type="button"
                className="button danger-quiet small-button"
                onClick={() =>
                  confirmThen('Leave this program? Everything you logged stays in your diary.', 'leave')
                }
              >
                Leave
              </button>
            )}
          </div>
          {act.isError && <Notice kind="error">{act.error.message}</Notice>}
        </section>
        <Report p={p} />
      </div>
      <div>
        <section className="card" aria-labelledby="calendar-title">
          <h2 id="calendar-title" className="card-title">
            Calendar
          </h2>
          <div className="streaks">
            <span>
              <strong>{p.streaks.current}</strong>
              <span className="muted small">current streak ({p.streaks.unit})</span>
            </span>
            <span>
              <strong>{p.streaks.best}</strong>
              <span className="muted small">best streak ({p.streaks.unit})</span>
            </span>
          </div>
          <Calendar p={p} />
          <p className="muted small">
            {p.streaks.unit === 'days'
              ? 'A day is complete when every daily goal is done; paused days are skipped.'
              : 'Each day shows how many goals you did something towards; a week is complete when every weekly goal is met.'}
          </p>
        </section>
        <section className="card" aria-labelledby="weeks-title">
          <h2 id="weeks-title" className="card-title">
            Completion by week
          </h2>
          <ul className="week-bars">
            {p.weeks.map((w) => (
              <li key={w.week}>
                <span>
                  Week {w.week}: {w.title} — {w.percent === null ? 'not started' : `${w.percent} %`}
                </span>
                <progress max={100} value={w.percent ?? 0} aria-label={`Week ${w.week} completion`} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
