/**
 * Learn: the knowledge graph by topic, with full-text search and the evidence grades explained.
 * The search term stays in the page (sent in a POST body), never in the address bar.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { EvidenceBadge, EvidenceLegend } from '../components/EvidenceBadge.tsx';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { useSession } from '../session.tsx';
import LearnMethods from './LearnMethods.tsx';
import { claimsQuery, knowledgeOverviewQuery, type NodeSummary, nodesQuery, searchQuery } from './queries.ts';
import './learn.css';

export default function Learn() {
  const { person } = useSession();
  const overview = useQuery(knowledgeOverviewQuery());
  const nodes = useQuery(nodesQuery());

  return (
    <div className="cap-learn">
      <header className="page-head">
        <div>
          <p className="eyebrow">The gut–brain connection</p>
          <h1>Learn</h1>
        </div>
        {person && (
          <Link to="/learn/quiz" className="button">
            Take the quiz
          </Link>
        )}
      </header>
      <p className="learn-intro">
        Every health sentence in Gutbrain comes from this map of what research says, with how strong the
        evidence is and the studies behind it. It is for learning, not for diagnosing anything. Some of it
        checks popular articles: see <Link to="/learn/too-far">where the articles go too far</Link>.
      </p>
      <Search />
      {overview.isPending || nodes.isPending ? (
        <Loading />
      ) : overview.error || nodes.error ? (
        <ErrorState
          error={overview.error ?? nodes.error}
          onRetry={() => {
            overview.refetch();
            nodes.refetch();
          }}
        />
      ) : (
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading" className="visually-hidden">
            Topics
          </h2>
          {overview.data.topics.map((topic, i) => (
            <details key={topic.id} className="card learn-topic" id={`topic-${topic.id}`} open={i === 0}>
              <summary>
                <h3 className="learn-topic-title">{topic.title}</h3>
                <span className="muted small">{topic.summary}</span>
              </summary>
              {groupByKind(nodes.data.nodes.filter((n) => n.topic === topic.id)).map(
                ([kind, group], _, all) => (
                  <div key={kind} className="learn-kind-group">
                    {all.length > 1 && <h4 className="learn-kind">{kind}</h4>}
                    <ul className="learn-node-list">
                      {group.map((n) => (
                        <li key={n.id}>
                          <Link to={`/learn/${n.id}`}>{n.name}</Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                ),
              )}
            </details>
          ))}
        </section>
      )}
      <ClaimsChecked />
      <details className="card learn-grades">
        <summary>How to read the evidence badges</summary>
        <EvidenceLegend />
      </details>
      <LearnMethods />
    </div>
  );
}

/** What the source articles say, each with a verdict from the studies — folded away until opened. */
function ClaimsChecked() {
  const q = useQuery(claimsQuery());
  return (
    <details className="card learn-topic learn-claims">
      <summary>
        <h3 className="learn-topic-title">The articles’ claims, checked</h3>
        <span className="muted small">
          What popular articles say about the gut and mood, and what studies support.
        </span>
      </summary>
      <p className="small">
        <Link to="/learn/too-far">Where the articles go too far</Link> — the claims the evidence does not
        back.
      </p>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <ul className="learn-edges">
          {q.data.claims.map((c) => (
            <li key={c.id} className="learn-claim-row">
              <p>“{c.statement}”</p>
              <p className="small">
                <span className={`verdict verdict-${c.verdict}`}>{c.verdictLabel}.</span> {c.evidence}{' '}
                <EvidenceBadge grade={c.grade} />
                {c.aboutNode && (
                  <>
                    {' '}
                    <Link to={`/learn/${c.aboutNode.id}`}>{c.aboutNode.name}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** Nodes grouped by kind ("Neurotransmitter", "Signal", …) in the order the kinds first appear. */
function groupByKind(nodes: NodeSummary[]): [string, NodeSummary[]][] {
  const groups = new Map<string, NodeSummary[]>();
  for (const n of nodes) groups.set(n.kindLabel, [...(groups.get(n.kindLabel) ?? []), n]);
  return [...groups.entries()];
}

function Search() {
  const [draft, setDraft] = useState('');
  const [term, setTerm] = useState('');
  const results = useQuery(searchQuery(term));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTerm(draft.trim());
  };
  return (
    <search className="learn-search">
      <form onSubmit={submit} className="learn-search-form">
        <label htmlFor="learn-q" className="visually-hidden">
          Search the knowledge graph
        </label>
        <input
          id="learn-q"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="e.g. butyrate, sleep"
          maxLength={200}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {term &&
        (results.isPending ? (
          <Loading label="Searching…" />
        ) : results.error ? (
          <ErrorState error={results.error} onRetry={() => results.refetch()} />
        ) : results.data.hits.length === 0 ? (
          <EmptyState title={`Nothing found for “${term}”`}>Try a shorter or different word.</EmptyState>
        ) : (
          <ol className="learn-results" aria-label={`Results for ${term}`}>
            {results.data.hits.map((h) => (
              <li key={h.node.id} className="learn-result">
                <Link to={`/learn/${h.node.id}`} className="learn-result-name">
                  {h.node.name}
                </Link>{' '}
                <span className="chip">{h.node.kindLabel}</span>
                <p className="small muted">{h.excerpt}</p>
              </li>
            ))}
          </ol>
        ))}
    </search>
  );
}
