/**
 * Programs: choose one (the 30-day gut–brain challenge or the gentler three-level guide), then
 * follow it — today's goals, calendar, streaks, weekly completion and the end report.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import '../tracking/tracking.css';
import './programs.css';
import { formatDate, useToday } from '../useToday.ts';
import { ProgramProgress } from './ProgramProgress.tsx';
import {
  enrol as enrolIn,
  enrolmentsQuery,
  GOAL_KEYS,
  type ProgramDefinition,
  programKeys,
  programsQuery,
} from './queries.ts';

function ProgramChoice({ program, today }: { program: ProgramDefinition; today: string }) {
  const qc = useQueryClient();
  const [start, setStart] = useState(today);
  const enrol = useMutation({
    mutationFn: () => enrolIn(program.id, start),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: programKeys.enrolments });
      for (const key of GOAL_KEYS) qc.invalidateQueries({ queryKey: [...key] });
    },
  });
  return (
    <section className="card program-choice" aria-labelledby={`p-${program.id}`}>
      <h2 id={`p-${program.id}`} className="card-title">
        {program.title}
      </h2>
      <p>{program.summary}</p>
      <details>
        <summary>What each week adds</summary>
        <ol>
          {program.weeks
            .filter((w) => w.adds.length > 0)
            .map((w) => (
              <li key={w.title}>
                <strong>{w.title}</strong>
                <ul>
                  {w.adds.map((g) => (
                    <li key={g.id}>{g.title}</li>
                  ))}
                </ul>
              </li>
            ))}
        </ol>
        <p className="muted small">Source: {program.source}</p>
      </details>
      <div className="custom-value">
        <label className="field">
          <span>Start on</span>
          <input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <button
          type="button"
          className="button"
          disabled={enrol.isPending || !start}
          onClick={() => enrol.mutate()}
        >
          Start {program.lengthDays ? `the ${program.lengthDays}-day program` : 'the guide'}
        </button>
      </div>
      {enrol.isError && <Notice kind="error">{enrol.error.message}</Notice>}
    </section>
  );
}

export default function Programs() {
  const today = useToday();
  const programs = useQuery(programsQuery());
  const enrolments = useQuery(enrolmentsQuery());
  if (programs.isPending || enrolments.isPending) return <Loading label="Loading programs…" />;
  if (programs.isError) return <ErrorState error={programs.error} onRetry={() => programs.refetch()} />;
  if (enrolments.isError) return <ErrorState error={enrolments.error} onRetry={() => enrolments.refetch()} />;
  const current = enrolments.data.enrolments.filter((e) => e.status !== 'left');
  const past = enrolments.data.enrolments.filter((e) => e.status === 'left');
  const available = programs.data.programs.filter((p) => !current.some((e) => e.programId === p.id));
  const titleOf = (id: string) => programs.data.programs.find((p) => p.id === id)?.title ?? id;
  return (
    <div className="cap-programs programs-page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Programs</p>
          <h1>{current.length ? 'Your program' : 'Choose a program'}</h1>
          <p className="muted">
            Goals tick themselves from what you log. Pausing, leaving or restarting never deletes anything.
          </p>
        </div>
      </header>
      {current.map((e) => (
        <ProgramProgress key={e.id} enrolmentId={e.id} />
      ))}
      {available.map((p) => (
        <ProgramChoice key={p.id} program={p} today={today} />
      ))}
      {past.length > 0 && (
        <section className="card">
          <h2 className="card-title">Earlier</h2>
          <ul>
            {past.map((e) => (
              <li key={e.id}>
                {titleOf(e.programId)}: started {formatDate(e.startDate)}
                {e.endedOn && `, left after ${formatDate(e.endedOn)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
