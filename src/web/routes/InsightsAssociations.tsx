/**
 * "What goes with my better days": the associations found in the person's own diary, worded as
 * association (never cause), with how many more days the others need.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { ErrorState } from '../components/States.tsx';
import { type AssociationItem, type AssociationsAnswer, INSIGHT_KEYS } from './InsightsApi.ts';

/** How many of each list to show before "show all". */
const SHOWN = 8;
/** The collapsed lists stop here: hundreds of unclear pairs help nobody. */
const MORE = 30;

function AssociationList({ items }: { items: AssociationItem[] }) {
  return (
    <ul className="association-list">
      {items.map((a) => (
        <li key={`${a.factor}-${a.outcome}-${a.lag}`} className={a.clear ? 'clear' : undefined}>
          {a.sentence}
          {a.clear && <span className="chip small">clear</span>}
        </li>
      ))}
    </ul>
  );
}

export default function InsightsAssociations() {
  const q = useQuery({
    queryKey: INSIGHT_KEYS.associations,
    queryFn: () => api.get<AssociationsAnswer>('/api/insights/associations'),
  });
  if (q.isPending) return <p className="muted">Comparing your days…</p>;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const shown = q.data.associations.filter((a) => a.status === 'shown');
  const clear = shown.filter((a) => a.clear);
  const others = shown.filter((a) => !a.clear);
  const waiting = q.data.associations.filter((a) => a.status === 'not_enough_data');
  return (
    <div className="associations">
      <p className="small muted">{q.data.note}</p>
      {shown.length === 0 && (
        <p className="insight-empty">
          Nothing to show yet: a comparison needs at least 14 days with both things logged, and at least 5
          days with and 5 without.
        </p>
      )}
      {clear.length > 0 && (
        <>
          <h3>Clearest so far</h3>
          <AssociationList items={clear.slice(0, SHOWN)} />
        </>
      )}
      {others.length > 0 && (
        <details>
          <summary>
            {others.length} more comparison{others.length === 1 ? '' : 's'} without a clear difference
          </summary>
          <AssociationList items={others.slice(0, MORE)} />
          {others.length > MORE && <p className="small muted">…and {others.length - MORE} more.</p>}
        </details>
      )}
      {waiting.length > 0 && (
        <details>
          <summary>Not enough data yet for {waiting.length} more</summary>
          <AssociationList items={waiting} />
        </details>
      )}
    </div>
  );
}
