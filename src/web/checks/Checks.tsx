/**
 * Checks: the questionnaires and the signals check, a reminder to repeat them every two weeks, and
 * scores over time beside diary mood. A recent safety trigger keeps the support screen in front of
 * all of it, the questionnaires included, until it is read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { INSTRUMENT_IDS, INSTRUMENTS, NOT_A_DIAGNOSIS } from '../../core/screeners/instruments.ts';
import { DueQuestionnaires } from '../clinics/DueQuestionnaires.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { SupportGate } from '../components/SupportScreen.tsx';
import { insightKeys } from '../insights/queries.ts';
import { formatDate } from '../useToday.ts';
import { markSupportRead, overviewQuery } from './queries.ts';
import './checks.css';

const ChecksChart = lazy(() => import('./ChecksChart.tsx'));

const ABOUT: Record<string, string> = {
  phq9: '9 questions about mood over the last 2 weeks.',
  gad7: '7 questions about worry and anxiety over the last 2 weeks.',
  who5: '5 statements about well-being over the last two weeks.',
};

export default function Checks() {
  const overview = useQuery(overviewQuery());
  const data = overview.data;
  const qc = useQueryClient();
  const read = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await markSupportRead(id);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: insightKeys.recommendations }),
  });
  const latest = (id: string) => data?.scores.filter((s) => s.instrument === id).at(-1);

  return (
    <div className="cap-checks">
      <header className="page-head">
        <div>
          <p className="eyebrow">Self-checks</p>
          <h1>Checks</h1>
        </div>
        <Link to="/support" className="button secondary">
          Get help now
        </Link>
      </header>
      {overview.isPending && <Loading />}
      {overview.error && <ErrorState error={overview.error} onRetry={() => overview.refetch()} />}
      {data && (
        <SupportGate
          support={data.support}
          acknowledgeLabel="I’ve read this — show my scores"
          onRead={() => read.mutate(data.unreadResultIds)}
        >
          <DueQuestionnaires />
          {data.reminders.length > 0 && (
            <div className="notice notice-info checks-reminder" role="status">
              It has been two weeks or more since your last{' '}
              {data.reminders.map((r) => INSTRUMENTS[r.instrument].shortName).join(' and ')}. The questions
              ask about the last two weeks, so now is a good time to take{' '}
              {data.reminders.length > 1 ? 'them' : 'it'} again:{' '}
              {data.reminders.map((r, i) => (
                <span key={r.instrument}>
                  {i > 0 && ' · '}
                  <Link to={`/checks/${r.instrument}`}>repeat {INSTRUMENTS[r.instrument].shortName}</Link>
                </span>
              ))}
            </div>
          )}
          <section className="checks-cards" aria-label="Questionnaires">
            {INSTRUMENT_IDS.map((id) => (
              <article key={id} className="card check-card">
                <h2 className="card-title">{INSTRUMENTS[id].shortName}</h2>
                <p className="small muted">{ABOUT[id]}</p>
                <Link to={`/checks/${id}`} className="button">
                  {latest(id) ? 'Take again' : 'Start'}
                </Link>
              </article>
            ))}
            <article className="card check-card">
              <h2 className="card-title">Signals check</h2>
              <p className="small muted">
                An educational reflection on the article’s neurotransmitter signals.
              </p>
              <Link to="/checks/signals" className="button">
                Start
              </Link>
            </article>
          </section>
          <p className="small muted">{NOT_A_DIAGNOSIS}</p>
          <section className="card" aria-labelledby="over-time">
            <h2 id="over-time" className="card-title">
              Scores over time, beside your mood
            </h2>
            {data.scores.length === 0 && data.mood.length === 0 ? (
              <p className="muted">Your results will appear here after your first questionnaire.</p>
            ) : (
              <Suspense fallback={<Loading label="Loading chart…" />}>
                <ChecksChart overview={data} />
              </Suspense>
            )}
          </section>
          {data.scores.length > 0 && (
            <section className="card" aria-labelledby="results">
              <h2 id="results" className="card-title">
                Your results
              </h2>
              <ul className="checks-list">
                {[...data.scores].reverse().map((s) => {
                  const inst = INSTRUMENTS[s.instrument as keyof typeof INSTRUMENTS];
                  return (
                    <li key={s.id}>
                      <Link to={`/checks/responses/${s.id}`}>
                        <span>{formatDate(s.date)}</span> <strong>{inst.shortName}</strong>{' '}
                        <span>
                          {s.score} · {inst.bands.find((b) => b.key === s.band)?.label}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </SupportGate>
      )}
    </div>
  );
}
