/**
 * One person's page for the clinic: safety events first, then the trajectories with band lines and
 * the clinic's treatment-phase markers, the questionnaire schedule, clinic-only notes, and the
 * person's own diary and program adherence alongside — read-only: nothing here edits their data.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { countOf } from '../words.ts';
import { Markers, Notes } from './MarkersAndNotes.tsx';
import { PersonSchedule } from './PersonSchedule.tsx';
import { type ClinicPersonPage, clinicPersonQuery } from './queries.ts';
import { ScaleCell } from './ScaleCell.tsx';
import { shortDate, TIER_WORDS } from './words.ts';
import './clinics.css';

const Trajectories = lazy(() => import('./Trajectories.tsx'));
const MoodEnergyChart = lazy(() => import('../charts/MoodEnergyChart.tsx'));

export default function ClinicPerson() {
  const { clinicId = '', personId = '' } = useParams();
  const q = useQuery(clinicPersonQuery(clinicId, personId));
  if (q.isPending)
    return (
      <div className="cap-clinics page-wide">
        <Loading />
      </div>
    );
  if (q.error)
    return (
      <div className="cap-clinics page-wide">
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
        <Link to={`/clinic/${clinicId}`}>Back to the caseload</Link>
      </div>
    );
  const p = q.data;
  const ids = { clinicId, personId };
  return (
    <div className="cap-clinics page-wide person-page">
      <header className="page-head">
        <div>
          <p className="eyebrow">
            <Link to={`/clinic/${clinicId}`}>Caseload</Link>
          </p>
          <h1>{p.person.displayName}</h1>
          {p.need.reasons.length > 0 && <p className="small need-reasons">{p.need.reasons.join(' · ')}</p>}
          <p className="muted small">
            Sharing since {shortDate(p.person.joinedAt.slice(0, 10))}:{' '}
            {p.shares.map((s) => s.label).join(' · ')}
          </p>
        </div>
        <div className="head-actions">
          {p.need.tier !== 'none' && (
            <span className={`need-badge need-${p.need.tier}`}>{TIER_WORDS[p.need.tier].badge}</span>
          )}
          <a
            className="button secondary"
            href={`/api/clinician/clinics/${clinicId}/people/${personId}/fhir`}
            download
          >
            Questionnaires (FHIR)
          </a>
        </div>
      </header>

      <section
        className={`card safety-card${p.safetyEvents.length ? ' flagged' : ''}`}
        aria-labelledby="safety-title"
        data-testid="person-safety"
      >
        <h2 className="card-title" id="safety-title">
          Safety events
        </h2>
        {p.safetyEvents.length === 0 ? (
          <p className="muted">
            None from {shortDate(p.period.from)} to {shortDate(p.period.to)}.
          </p>
        ) : (
          <ul className="entry-safety">
            {p.safetyEvents.map((e) => (
              <li key={`${e.date}-${e.kind}-${e.words}`} className={`safety-${e.level}`}>
                <strong>{shortDate(e.date)}</strong> {e.words}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="person-grid">
        <div className="person-main">
          <section className="card" aria-labelledby="scales-title">
            <h2 className="card-title" id="scales-title">
              Questionnaires
            </h2>
            <div className="entry-scales">
              {p.trajectories.map((t) => (
                <ScaleCell key={t.instrument} scale={t} today={p.today} />
              ))}
            </div>
            <Suspense fallback={<Loading label="Loading the charts…" />}>
              <Trajectories page={p} />
            </Suspense>
          </section>
          <Markers ids={ids} markers={p.markers} today={p.today} />
          <Diary page={p} />
        </div>
        <div className="person-side">
          <PersonSchedule ids={ids} schedule={p.schedule} today={p.today} />
          <Notes ids={ids} notes={p.notes} />
          <Programs programs={p.programs} />
        </div>
      </div>
      <p className="small muted">{p.notice}</p>
    </div>
  );
}

function Diary({ page }: { page: ClinicPersonPage }) {
  const d = page.diary;
  return (
    <section className="card" aria-labelledby="diary-title">
      <h2 className="card-title" id="diary-title">
        Their diary <span className="muted small">(read-only)</span>
      </h2>
      <p className="small">
        {countOf(d.daysLogged, 'day')} logged of {d.daysInPeriod}
        {d.lastEntryDate ? `; last entry ${shortDate(d.lastEntryDate)}` : '; no entries yet'}.
      </p>
      {d.days.length > 0 && (
        <Suspense fallback={<Loading label="Loading the chart…" />}>
          <MoodEnergyChart
            points={d.days.map((x) => ({
              date: x.date,
              mood: x.mood ?? undefined,
              energy: x.energy ?? undefined,
            }))}
            from={page.period.from}
            to={page.period.to}
          />
        </Suspense>
      )}
    </section>
  );
}

function Programs({ programs }: { programs: ClinicPersonPage['programs'] }) {
  return (
    <section className="card" aria-labelledby="programs-title">
      <h2 className="card-title" id="programs-title">
        Program adherence
      </h2>
      {programs.length === 0 ? (
        <p className="muted">No program.</p>
      ) : (
        programs.map((p) => (
          <div key={p.programId + p.startDate} className="program-row">
            <p>
              <strong>{p.title}</strong>{' '}
              <span className="muted small">
                from {shortDate(p.startDate)}, {p.status}
              </span>
            </p>
            {p.weeks.length > 0 && (
              <ul className="adherence" aria-label={`Goals met per week in ${p.title}`}>
                {p.weeks.map((w) => (
                  <li key={w.week}>
                    <span className="small">Week {w.week}</span>
                    <span className="adherence-bar" aria-hidden="true">
                      <span style={{ width: `${w.percent ?? 0}%` }} />
                    </span>
                    <span className="small">{w.percent === null ? '—' : `${w.percent}%`}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
    </section>
  );
}
