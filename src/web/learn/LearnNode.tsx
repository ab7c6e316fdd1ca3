/**
 * One node of the knowledge graph: plain-language text, its connections with evidence badges and
 * notes, what the articles claim about it, the studies with DOI links, and a small picture of its
 * neighbourhood (cytoscape, loaded only on this page).
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { EvidenceBadge } from '../components/EvidenceBadge.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { nodeQuery, type ReferenceView } from './queries.ts';
import './learn.css';

const LearnGraph = lazy(() => import('./LearnGraph.tsx'));

// Kinds whose pages touch on symptoms or treatment: they always point to professional help.
const CARE_KINDS = new Set(['signal', 'red_flag', 'condition', 'treatment', 'professional']);

export default function LearnNode() {
  const { id = '' } = useParams();
  const q = useQuery({ ...nodeQuery(id), retry: false });

  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <div className="cap-learn">
        <ErrorState error={q.error} />
        <p>
          <Link to="/learn">Back to Learn</Link>
        </p>
      </div>
    );
  const { node, edges, claims, references } = q.data;

  return (
    <article className="cap-learn learn-node">
      <nav className="learn-crumbs small" aria-label="Breadcrumb">
        <Link to="/learn">Learn</Link> <span aria-hidden="true">›</span> <span>{node.kindLabel}</span>
      </nav>
      <header className="page-head">
        <div>
          <p className="eyebrow">{node.kindLabel}</p>
          <h1>{node.name}</h1>
          {node.aliases.length > 0 && <p className="muted small">Also called: {node.aliases.join(', ')}</p>}
        </div>
      </header>
      <p className="learn-summary">{node.summary}</p>
      {node.rhythm && (
        <p className="chip learn-hours">
          {node.rhythm.from}–{node.rhythm.to}
        </p>
      )}
      <div className="learn-text">
        {node.text.split('\n').map((para) => (
          <p key={para.slice(0, 40)}>{para}</p>
        ))}
      </div>
      {CARE_KINDS.has(node.kind) && (
        <p className="notice notice-info">
          This is general information, not a diagnosis. If something here worries you, talk to a health
          professional — <Link to="/support">see where to get help</Link>.
        </p>
      )}

      {edges.length > 0 && (
        <section aria-labelledby="connections">
          <h2 id="connections">Connections</h2>
          <Suspense fallback={<Loading label="Drawing the map…" />}>
            <LearnGraph nodeId={node.id} />
          </Suspense>
          <ul className="learn-edges">
            {edges.map((e) => (
              <li key={`${e.id}-${e.direction}`} className="card learn-edge">
                <p className="learn-edge-head">
                  {node.name} {e.phrase} <Link to={`/learn/${e.other.id}`}>{e.other.name}</Link>{' '}
                  <EvidenceBadge grade={e.grade} />
                </p>
                <p className="small">{e.note}</p>
                <References refs={e.references} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {claims.length > 0 && (
        <section aria-labelledby="claims">
          <h2 id="claims">What the articles say, checked</h2>
          <ul className="learn-edges">
            {claims.map((c) => (
              <li key={c.id} className="card learn-claim">
                <p>
                  <span className="muted">The article says:</span> “{c.statement}”
                </p>
                <p>
                  <span className={`verdict verdict-${c.verdict}`}>{c.verdictLabel}</span> {c.evidence}{' '}
                  <EvidenceBadge grade={c.grade} />
                </p>
                <References refs={c.references} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {references.length > 0 && (
        <section aria-labelledby="studies">
          <h2 id="studies">Studies</h2>
          <ol className="learn-studies small">
            {references.map((r) => (
              <li key={r.id}>
                {r.citation}{' '}
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  doi:{r.doi}
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

function References({ refs }: { refs: ReferenceView[] }) {
  return (
    <ul className="learn-refs small">
      {refs.map((r) => (
        <li key={r.id}>
          <a href={r.url} target="_blank" rel="noopener noreferrer" title={r.citation}>
            {shortCitation(r)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Yano JM, Yu K, … (2015)" → "Yano et al. 2015"; two authors → "Malhi & Mann 2018". */
function shortCitation(r: ReferenceView): string {
  const authors = (r.citation.split('. ')[0] ?? '').split(', ').filter((a) => a !== 'et al');
  const surname = (a: string) => a.replace(/\s+[A-Z]{1,3}$/, '');
  const first = surname(authors[0] ?? r.id);
  if (authors.length === 2) return `${first} & ${surname(authors[1] ?? '')} ${r.year}`;
  return `${first}${authors.length > 2 ? ' et al.' : ''} ${r.year}`;
}
