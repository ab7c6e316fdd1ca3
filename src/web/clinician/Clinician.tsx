/**
 * The clinician's dashboard: people who shared their data, and for the one chosen a summary of
 * what they shared — mood and energy over 90 days, questionnaire scores with their bands,
 * programs, microbiome results — a printable PDF, and a program to suggest. Every opening is
 * written to that person's access log.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading, Notice } from '../components/States.tsx';
import { usePerson } from '../session.tsx';
import './clinician.css';
import {
  type SharedPerson,
  type SharedSummary,
  sharedPeopleQuery,
  sharedSummaryQuery,
  suggestProgram,
} from './queries.ts';

const MoodEnergyChart = lazy(() => import('../charts/MoodEnergyChart.tsx'));

/** At the top: PHQ-9 item 9 with its date, and every safety event, in words. */
function SafetyOverview({ safety }: { safety: SharedSummary['safety'] }) {
  const flagged = safety.events.length > 0 || safety.item9?.some((a) => a.answer > 0);
  return (
    <section
      className={`clinician-safety${flagged ? ' clinician-safety-flagged' : ''}`}
      aria-labelledby="safety-title"
      data-testid="clinician-safety"
    >
      <h3 id="safety-title">Safety</h3>
      <p>{safety.summary}</p>
      {safety.item9 && (
        <>
          <h4>PHQ-9 item 9 (thoughts of being better off dead or of self-harm)</h4>
          {safety.item9.length === 0 ? (
            <p className="muted">No PHQ-9 in this period.</p>
          ) : (
            <ul>
              {safety.item9.map((a) => (
                <li key={`${a.date}-${a.answer}`} className={a.answer > 0 ? 'clinician-alert' : undefined}>
                  {a.date}: answered “{a.answerLabel}” ({a.answer} of 3)
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {safety.events.length > 0 && (
        <>
          <h4>Safety events</h4>
          <ul>
            {safety.events.map((e) => (
              <li
                key={`${e.date}-${e.words}`}
                className={e.level === 'urgent' ? 'clinician-alert' : undefined}
              >
                {e.date}: {e.words}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PersonSummary({ person }: { person: SharedPerson }) {
  const q = useQuery(sharedSummaryQuery(person.personId));
  const [note, setNote] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      suggestProgram(person.personId, { programId: 'gut_brain_30_day', ...(note ? { note } : {}) }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data.summary;
  const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
  return (
    <article className="card clinician-summary" aria-labelledby="summary-title">
      <h2 className="card-title" id="summary-title">
        {person.displayName}
      </h2>
      <p className="muted small">
        {s.period.from} to {s.period.to}. {s.notice}
      </p>
      <a className="button secondary" href={`/api/clinician/people/${person.personId}/report.pdf`} download>
        Printable summary (PDF)
      </a>
      <SafetyOverview safety={s.safety} />
      {s.diary && (
        <section>
          <h3>Daily check-ins</h3>
          <p>
            {s.diary.averages.daysWithEntries} {s.diary.averages.daysWithEntries === 1 ? 'day' : 'days'}. Mood{' '}
            {fmt(s.diary.averages.mood)} · energy {fmt(s.diary.averages.energy)} · sleep{' '}
            {fmt(s.diary.averages.sleepHours, ' h')} · stress {fmt(s.diary.averages.stress)}
          </p>
          {s.diary.devices && (
            <p>
              From a watch or phone, {s.diary.devices.days} {s.diary.devices.days === 1 ? 'day' : 'days'}:
              steps {fmt(s.diary.devices.steps, ' a day')} · resting heart rate{' '}
              {fmt(s.diary.devices.restingHeartRate, ' /min')} · heart-rate variability (SDNN){' '}
              {fmt(s.diary.devices.hrvSdnn, ' ms')}
            </p>
          )}
          <Suspense fallback={<Loading />}>
            <MoodEnergyChart
              points={s.diary.days.map((d) => ({
                date: d.date,
                mood: d.mood ?? undefined,
                energy: d.energy ?? undefined,
              }))}
              from={s.period.from}
              to={s.period.to}
            />
          </Suspense>
        </section>
      )}
      {s.questionnaires && (
        <section>
          <h3>Questionnaires</h3>
          {s.questionnaires.length === 0 && <p className="muted">None in this period.</p>}
          {s.questionnaires.map((qn) => (
            <div key={qn.instrument}>
              <strong>{qn.name}</strong>{' '}
              {qn.points.map((p) => (
                <span key={p.date} className="chip">
                  {p.date}: {p.score} {p.band}
                </span>
              ))}
            </div>
          ))}
        </section>
      )}
      {s.programs && (
        <section>
          <h3>Programs</h3>
          {s.programs.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            s.programs.map((p) => (
              <p key={p.programId + p.startDate}>
                {p.title} — from {p.startDate}, {p.status}
                {p.weeks.length > 0 && (
                  <span className="muted small">
                    {' '}
                    · goals met{' '}
                    {p.weeks
                      .map((w) => `week ${w.week}: ${w.percent === null ? '—' : `${w.percent}%`}`)
                      .join(', ')}
                  </span>
                )}
              </p>
            ))
          )}
        </section>
      )}
      {s.microbiome && (
        <section>
          <h3>Microbiome</h3>
          {s.microbiome.length === 0 ? (
            <p className="muted">No samples.</p>
          ) : (
            s.microbiome.map((m) => (
              <p key={m.date + m.label}>
                {m.date} {m.label}:{' '}
                {m.shannonNats === null
                  ? 'no profile'
                  : `Shannon ${m.shannonNats.toFixed(2)}, ${m.observed} taxa`}
              </p>
            ))
          )}
        </section>
      )}
      <section className="form">
        <h3>Suggest the 30-day gut–brain challenge</h3>
        <label className="field">
          <span>Note (optional)</span>
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button className="button" type="button" onClick={() => assign.mutate()} disabled={assign.isPending}>
          Suggest program
        </button>
        {assign.isSuccess && (
          <Notice kind="success">Suggested. {person.displayName} can start it or say no.</Notice>
        )}
        {assign.error && <Notice kind="error">{assign.error.message}</Notice>}
      </section>
    </article>
  );
}

export default function Clinician() {
  const me = usePerson();
  const people = useQuery({ ...sharedPeopleQuery(), enabled: me.role === 'clinician' });
  const [chosen, setChosen] = useState<string | null>(null);
  if (me.role !== 'clinician') {
    return (
      <div className="cap-clinician">
        <header className="page-head">
          <h1>Clinician view</h1>
        </header>
        <EmptyState title="Not a clinician account">
          Turn this into a clinician account under <Link to="/data">Data &amp; sharing</Link>.
        </EmptyState>
      </div>
    );
  }
  if (people.isPending) return <Loading />;
  if (people.error) return <ErrorState error={people.error} onRetry={() => people.refetch()} />;
  const current = people.data.people.find((p) => p.personId === chosen);
  return (
    <div className="cap-clinician">
      <header className="page-head">
        <div>
          <h1>People who shared with you</h1>
          <p className="muted">Each opening is shown to the person in their access log.</p>
        </div>
      </header>
      {people.data.people.length === 0 ? (
        <EmptyState title="Nobody yet">
          When someone shares their data with your email, they appear here.
        </EmptyState>
      ) : (
        <section className="card" aria-label="People">
          <ul className="row-list">
            {people.data.people.map((p) => (
              <li key={p.personId} className="row-item">
                <div>
                  <strong>{p.displayName}</strong>
                  <div className="small muted">
                    {p.kinds.join(', ')}
                    {p.untilDate ? ` · until ${p.untilDate}` : ''}
                  </div>
                </div>
                <button className="button secondary" type="button" onClick={() => setChosen(p.personId)}>
                  Open summary
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {current && <PersonSummary key={current.personId} person={current} />}
    </div>
  );
}
