/**
 * "Where the articles go too far": the article claims the evidence does not support, or supports
 * only as speculation — each with the sentence paraphrased, the verdict and the papers. Built from
 * the same claim cards as the rest of Learn (`goesTooFar` in core decides which), so it can never
 * say more than the graph.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { goesTooFar } from '../../core/knowledge/views.ts';
import { EvidenceBadge } from '../components/EvidenceBadge.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { claimsQuery } from './queries.ts';
import './learn.css';

export default function LearnTooFar() {
  const q = useQuery(claimsQuery());
  const claims = q.data?.claims.filter(goesTooFar) ?? [];
  return (
    <div className="cap-learn">
      <header className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/learn">Learn</Link>
          </p>
          <h1>Where the articles go too far</h1>
        </div>
      </header>
      <p className="learn-intro">
        Gutbrain’s knowledge comes partly from five popular articles about the gut, brain chemicals and mood.
        Most of what they say has some support. These are the sentences where the studies say “no”, or where
        the best evidence is still an idea. Each shows what the article says in our words, the verdict, and
        the papers behind it.
      </p>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <ol className="too-far-list" data-testid="too-far">
          {claims.map((c) => (
            <li key={c.id} className="card too-far-claim">
              <p className="muted small">
                {c.articleTitle
                  ? `“${c.articleTitle}” says, in our words:`
                  : 'An article says, in our words:'}
              </p>
              <p className="too-far-statement">{c.statement}</p>
              <p>
                <span className={`verdict verdict-${c.verdict}`}>{c.verdictLabel}.</span> {c.evidence}
              </p>
              <p className="small">
                Strength of the evidence: <EvidenceBadge grade={c.grade} />
                {c.aboutNode && (
                  <>
                    {' '}
                    · More about <Link to={`/learn/${c.aboutNode.id}`}>{c.aboutNode.name}</Link>
                  </>
                )}
              </p>
              <ul className="too-far-papers small">
                {c.references.map((r) => (
                  <li key={r.id}>
                    {r.citation}{' '}
                    <a href={r.url} target="_blank" rel="noreferrer">
                      doi:{r.doi}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
