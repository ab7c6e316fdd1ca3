/**
 * Checks: the questionnaires a clinic asked for that are due or overdue now, each with a link to
 * take it. Nothing shows when none is due (or the person shares with no clinic).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { dueQuestionnairesQuery } from './queries.ts';
import { shortDate } from './words.ts';
import './clinics.css';

export function DueQuestionnaires() {
  const q = useQuery(dueQuestionnairesQuery());
  const due = q.data?.questionnaires.filter((d) => d.status !== 'not_due') ?? [];
  if (due.length === 0) return null;
  return (
    <section className="cap-clinics card due-card" aria-labelledby="due-title">
      <h2 className="card-title" id="due-title">
        Asked for by your clinic
      </h2>
      <ul className="row-list">
        {due.map((d) => (
          <li key={`${d.clinicName}-${d.instrument}`}>
            <div>
              <strong>{d.name}</strong>{' '}
              <span className="small muted">
                {d.clinicName}, every {d.everyWeeks === 1 ? 'week' : `${d.everyWeeks} weeks`} ·{' '}
                {d.dueDate === q.data?.today ? 'due today' : `due since ${shortDate(d.dueDate)}`}
              </span>
            </div>
            <Link className="button" to={`/checks/${d.instrument}`}>
              Take {d.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
