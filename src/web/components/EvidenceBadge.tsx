/**
 * The evidence grade of a sentence, as a small coloured badge with the grade's meaning on hover and
 * for screen readers. Every health statement from the knowledge graph carries one.
 *
 * @example <EvidenceBadge grade="human_trials" />
 */
import { EVIDENCE_GRADES, type EvidenceGrade } from '../../core/knowledge/evidence-grades.ts';
import './evidence-badge.css';

export function EvidenceBadge({ grade }: { grade: EvidenceGrade }) {
  const g = EVIDENCE_GRADES[grade];
  return (
    <span className={`evidence-badge evidence-${grade}`} title={g.description}>
      <span className="visually-hidden">Evidence: </span>
      {g.label}
    </span>
  );
}

/** The five grades with what each means, strongest first. */
export function EvidenceLegend() {
  return (
    <dl className="evidence-legend">
      {(Object.keys(EVIDENCE_GRADES) as EvidenceGrade[]).map((grade) => (
        <div key={grade}>
          <dt>
            <EvidenceBadge grade={grade} />
          </dt>
          <dd>{EVIDENCE_GRADES[grade].description}</dd>
        </div>
      ))}
    </dl>
  );
}
