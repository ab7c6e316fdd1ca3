/**
 * "What goes with my better days": the clear and possible findings from the person's own diary
 * (something they can change against how they felt), each in plain words with its chart, "Test
 * this" and the numbers under "Details"; one legend for the certainty words; how the outcomes move
 * together, collapsed; and the levers still waiting for days. Worded as association, never cause.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../components/States.tsx';
import FindingCard, { CertaintyChip } from './InsightsFinding.tsx';
import { type AssociationsAnswer, associationsQuery } from './queries.ts';

function Legend({ data }: { data: AssociationsAnswer }) {
  return (
    <div className="certainty-legend">
      <dl>
        {(['clear', 'possible', 'unclear'] as const).map((c) => (
          <div key={c}>
            <dt>
              <CertaintyChip certainty={c} legend={data.legend} />
            </dt>
            <dd className="small">{data.legend[c].meaning}</dd>
          </div>
        ))}
      </dl>
      <details className="small">
        <summary>Why can a likely range that leaves out zero still say “can’t tell yet”?</summary>
        <p>{data.manyComparisonsNote}</p>
      </details>
    </div>
  );
}

function Together({ data }: { data: AssociationsAnswer }) {
  if (data.together.length === 0) return null;
  return (
    <details className="together">
      <summary>How your measures move together</summary>
      <p className="small muted">
        How your mood, energy, focus, stress, sleep and gut comfort go up and down with each other on the same
        day. These are expected and not something to act on directly; they are kept apart from the findings
        above.
      </p>
      <ul className="association-list">
        {data.together.map((a) => (
          <li key={`${a.factor}-${a.outcome}`}>
            <CertaintyChip certainty={a.certainty} legend={data.legend} /> {a.sentence}{' '}
            {a.method === 'spearman' && (
              <span className="small muted">(ρ = {a.rho.toFixed(2).replace('-', '−')})</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Waiting({ data }: { data: AssociationsAnswer }) {
  if (data.waiting.length === 0) return null;
  return (
    <details>
      <summary>Waiting for more days ({data.waiting.length})</summary>
      <ul className="association-list small">
        {data.waiting.map((w) => (
          <li key={w.factor}>
            {w.factorLabel.charAt(0).toUpperCase() + w.factorLabel.slice(1)}: {w.moreDaysNeeded} more{' '}
            {w.moreDaysNeeded === 1 ? 'day' : 'days'}
            {w.needs === 'with'
              ? ` with ${w.factorLabel}`
              : w.needs === 'without'
                ? ` without ${w.factorLabel}`
                : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

export default function InsightsAssociations({ today }: { today: string }) {
  const q = useQuery(associationsQuery());
  if (q.isPending) return <p className="muted">Comparing your days…</p>;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const data = q.data;
  const notListed = data.compared - data.findings.length;
  return (
    <div className="associations">
      <p className="small muted">{data.note}</p>
      {data.compared === 0 ? (
        <p className="insight-empty">
          Nothing to compare yet: a finding needs at least 14 days with both things logged, and at least 5
          days with and 5 without.
        </p>
      ) : (
        <>
          <Legend data={data} />
          {data.findings.length === 0 ? (
            <p className="insight-empty">
              Nothing stands out yet. Of {data.compared} comparisons between something you can change and how
              you felt, none is clear or possible so far.
            </p>
          ) : (
            <ul className="finding-list">
              {data.findings.map((f) => (
                <FindingCard
                  key={`${f.factor}-${f.outcome}-${f.lag}`}
                  f={f}
                  legend={data.legend}
                  compared={data.compared}
                  today={today}
                />
              ))}
            </ul>
          )}
          {notListed > 0 && data.findings.length > 0 && (
            <p className="small muted">
              {notListed} other comparison{notListed === 1 ? '' : 's'} {notListed === 1 ? 'is' : 'are'} not
              listed:{' '}
              {data.counts.unclear === notListed ? 'they can’t tell yet.' : 'they are less sure than these.'}
            </p>
          )}
        </>
      )}
      <Together data={data} />
      <Waiting data={data} />
    </div>
  );
}
