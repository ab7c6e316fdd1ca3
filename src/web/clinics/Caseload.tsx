/**
 * A clinic's caseload: everyone who shares with it, in the server's order of need — safety events
 * first (each with its date, never folded away), then who got reliably worse, then overdue
 * questionnaires, then everyone else. Per person: PHQ-9, GAD-7 and WHO-5 with band, change since
 * baseline, reliable change, response and remission, sparklines of the scores and of daily mood,
 * the last entry. At the foot, the reliability and SD every reliable change uses, with sources.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { countOf } from '../words.ts';
import { type CaseloadPerson, caseloadQuery } from './queries.ts';
import { ReliableChangeBasis } from './ReliableChangeBasis.tsx';
import { MoodCell, ScaleCell } from './ScaleCell.tsx';
import { dueWords, shortDate, TIER_WORDS } from './words.ts';
import './clinics.css';

const TIERS = ['safety', 'deteriorated', 'overdue', 'none'] as const;

export default function Caseload() {
  const { clinicId = '' } = useParams();
  const q = useQuery(caseloadQuery(clinicId));
  return (
    <div className="cap-clinics page-wide">
      {q.isPending ? (
        <Loading label="Loading the caseload…" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <header className="page-head">
            <div>
              <p className="eyebrow">{q.data.clinic.name}</p>
              <h1>Caseload</h1>
              <p className="muted small">
                {q.data.notice} Reliable change: Jacobson–Truax, with the r and SD{' '}
                <a href="#rc-basis-title">listed below</a>.
              </p>
            </div>
            <div className="head-actions">
              <Link className="button secondary" to={`/clinic/${clinicId}/team`}>
                Team and invitations
              </Link>
              {q.data.people.length > 0 && (
                <a
                  className="button secondary"
                  href={`/api/clinician/clinics/${clinicId}/caseload.csv`}
                  download
                >
                  Download CSV
                </a>
              )}
            </div>
          </header>
          {q.data.people.length === 0 ? (
            <EmptyState
              title="No one shares with you yet"
              action={
                <Link className="button" to={`/clinic/${clinicId}/team#invite`}>
                  Invite a person by link
                </Link>
              }
            >
              People appear here once they accept an invitation from {q.data.clinic.name}.
            </EmptyState>
          ) : (
            TIERS.map((tier) => {
              const people = q.data.people.filter((p) => p.need.tier === tier);
              if (people.length === 0) return null;
              return (
                <section key={tier} className={`tier tier-${tier}`} aria-labelledby={`tier-${tier}`}>
                  <h2 id={`tier-${tier}`} className="tier-title">
                    {TIER_WORDS[tier].heading} <span className="muted">({people.length})</span>
                  </h2>
                  <ol className="caseload">
                    {people.map((p) => (
                      <CaseloadEntry key={p.personId} person={p} clinicId={clinicId} today={q.data.today} />
                    ))}
                  </ol>
                </section>
              );
            })
          )}
          {q.data.people.length > 0 && <ReliableChangeBasis basis={q.data.reliableChangeBasis} />}
        </>
      )}
    </div>
  );
}

function CaseloadEntry({
  person,
  clinicId,
  today,
}: {
  person: CaseloadPerson;
  clinicId: string;
  today: string;
}) {
  const tier = person.need.tier;
  const late = person.schedule.filter((s) => s.status !== 'not_due');
  return (
    <li className={`entry entry-${tier}`} data-testid="caseload-entry">
      <div className="entry-head">
        <h3 className="entry-name">
          <Link to={`/clinic/${clinicId}/people/${person.personId}`}>{person.displayName}</Link>
        </h3>
        {tier !== 'none' && <span className={`need-badge need-${tier}`}>{TIER_WORDS[tier].badge}</span>}
        <span className="muted small entry-last">
          {person.lastEntryDate
            ? `Last diary entry ${shortDate(person.lastEntryDate)}`
            : 'No diary entries yet'}
        </span>
      </div>
      {person.safetyEvents.length > 0 && (
        <ul className="entry-safety" aria-label={`Safety events for ${person.displayName}`}>
          {person.safetyEvents.map((e) => (
            <li key={`${e.date}-${e.kind}-${e.words}`} className={`safety-${e.level}`}>
              <strong>{shortDate(e.date)}</strong> {e.words}
            </li>
          ))}
        </ul>
      )}
      {tier === 'deteriorated' && person.need.reasons.length > 0 && (
        <p className="small entry-reasons">{person.need.reasons.join(' · ')}</p>
      )}
      <div className="entry-scales">
        {person.scales.map((s) => (
          <ScaleCell key={s.instrument} scale={s} today={today} />
        ))}
        <MoodCell series={person.moodSeries} today={today} />
      </div>
      {late.length > 0 && (
        <p className="small entry-due">
          {late.map((s) => dueWords(s)).join(' · ')}
          {late.length > 1 && <span className="muted"> ({countOf(late.length, 'questionnaire')})</span>}
        </p>
      )}
    </li>
  );
}
