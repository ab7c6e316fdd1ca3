/**
 * Mood-associated taxa in this sample, and what the knowledge graph says about each: its summary,
 * findings with their evidence grade and references, and claims checked against the evidence.
 */
import { percent } from './percent.ts';
import type { SampleAnalysis, SampleView } from './queries.ts';

type TaxonEvidence = SampleView['evidence'][string];

function Evidence({ evidence }: { evidence: TaxonEvidence | undefined }) {
  if (!evidence) return <p className="muted">The knowledge graph has no entry for this taxon yet.</p>;
  return (
    <div className="microbiome-evidence">
      <p>{evidence.summary}</p>
      {evidence.findings.length > 0 && (
        <ul>
          {evidence.findings.map((f) => (
            <li key={f.statement}>
              <strong>{f.statement}</strong> <span className="microbiome-grade">{f.gradeLabel}</span>
              <br />
              {f.note}{' '}
              {f.references.map((r) => (
                <a key={r.doi} className="microbiome-cite" href={r.url} target="_blank" rel="noreferrer">
                  {r.citation}
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
      {evidence.claims.map((c) => (
        <p key={c.statement} className="microbiome-claim">
          <em>Often said:</em> {c.statement} <em>What the evidence says:</em> {c.evidence}{' '}
          <span className="microbiome-grade">{c.gradeLabel}</span>{' '}
          {c.references.map((r) => (
            <a key={r.doi} className="microbiome-cite" href={r.url} target="_blank" rel="noreferrer">
              {r.citation}
            </a>
          ))}
        </p>
      ))}
    </div>
  );
}

export function MoodTaxaCard({
  findings,
  evidence,
  rank,
}: {
  findings: SampleAnalysis['moodTaxa'];
  evidence: Record<string, TaxonEvidence>;
  rank: string;
}) {
  const aboveGenus = ['kingdom', 'phylum', 'class', 'order', 'family'].includes(rank);
  return (
    <section className="card" aria-labelledby="mb-mood">
      <h2 className="card-title" id="mb-mood">
        Taxa studied for links with mood
      </h2>
      <p className="muted">
        Studies compare groups of people; finding or missing one of these in a single sample says nothing
        certain about your mood or health, and is not a diagnosis.
        {aboveGenus && ' This sample is shown above genus level, so these genera cannot be picked out.'}
      </p>
      <ul className="microbiome-mood">
        {findings.map((f) => (
          <li key={f.nodeId}>
            <details>
              <summary>
                <span className="microbiome-mood-name">{f.label}</span>
                <span className={f.present ? 'microbiome-present' : 'muted'}>
                  {f.present ? `found, ${percent(f.share)}` : 'not found'}
                </span>
              </summary>
              <Evidence evidence={evidence[f.nodeId]} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
