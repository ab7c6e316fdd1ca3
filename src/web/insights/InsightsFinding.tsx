/**
 * One finding of "what goes with my better days": the sentence in plain words, how sure in one word,
 * the small chart of the days behind it, "Test this" (starts an experiment with the finding's
 * outcome as its main outcome) and the numbers one tap away under "Details".
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Certainty } from '../../core/insights/association-types.ts';
import { Notice } from '../components/States.tsx';
import FindingChart from './InsightsFindingChart.tsx';
import { type AssociationsAnswer, createExperiment, type Finding, insightKeys } from './queries.ts';

const num = (x: number, digits = 1) => {
  const s = x.toFixed(digits);
  return (Number(s) === 0 ? (0).toFixed(digits) : s).replace('-', '−');
};
const signed = (x: number) => (Number(x.toFixed(1)) > 0 ? '+' : '') + num(x);
const pValue = (name: string, p: number) => (p < 0.001 ? `${name} below 0.001` : `${name} = ${num(p, 3)}`);

export function CertaintyChip({
  certainty,
  legend,
}: {
  certainty: Certainty;
  legend: AssociationsAnswer['legend'];
}) {
  return <span className={`chip certainty certainty-${certainty}`}>{legend[certainty].label}</span>;
}

function Details({ f, compared }: { f: Finding; compared: number }) {
  return (
    <details className="finding-details">
      <summary>Details</summary>
      <ul className="small">
        {f.method === 'difference' ? (
          <>
            <li>
              Difference {signed(f.difference)} points, 95 % interval {num(f.low)} to {num(f.high)} (Welch’s
              t).
            </li>
            <li>
              Average {f.outcomeLabel} {num(f.meanWith)} over {f.withDays} days{' '}
              {f.lag === 0 ? 'with' : 'after it'}, {num(f.meanWithout)} over {f.withoutDays}{' '}
              {f.lag === 0 ? 'without' : 'other days'}.
            </li>
          </>
        ) : (
          <>
            <li>
              Rank correlation ρ = {num(f.rho, 2)}, 95 % interval {num(f.low, 2)} to {num(f.high, 2)}{' '}
              (Spearman).
            </li>
            <li>
              Average {f.outcomeLabel} {num(f.meanHigh)} over the {f.highDays} days above your usual,{' '}
              {num(f.meanLow)} over the {f.lowDays} below.
            </li>
          </>
        )}
        <li>
          {pValue('p', f.p)}; after comparing {compared} pairs (Benjamini–Hochberg), {pValue('q', f.q)}.
        </li>
        <li>
          Good and bad days come in runs, so the {f.pairedDays} days count as about{' '}
          {Math.round(f.effectiveDays)} independent ones (Bayley &amp; Hammersley 1946).
        </li>
      </ul>
    </details>
  );
}

function TestThis({ f, today }: { f: Finding; today: string }) {
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      createExperiment({
        title: f.testTitle,
        startDate: today,
        measure: f.factor,
        primaryOutcome: f.outcome,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: insightKeys.experiments }),
  });
  return (
    <div className="finding-actions">
      <button
        type="button"
        className="button secondary"
        disabled={start.isPending || start.isSuccess}
        onClick={() => start.mutate()}
        aria-label={`Test this: start the experiment “${f.testTitle}”`}
      >
        Test this
      </button>
      {start.isSuccess && (
        <Notice kind="success">
          Started “{f.testTitle}”, judged on your {f.outcomeLabel} after 14 days. It is under Experiments
          below.
        </Notice>
      )}
      {start.isError && <Notice kind="error">{start.error.message}</Notice>}
    </div>
  );
}

export default function FindingCard({
  f,
  legend,
  compared,
  today,
}: {
  f: Finding;
  legend: AssociationsAnswer['legend'];
  compared: number;
  today: string;
}) {
  return (
    <li className={`finding card finding-${f.certainty}`}>
      <CertaintyChip certainty={f.certainty} legend={legend} />
      <p className="finding-sentence">{f.sentence}</p>
      <FindingChart
        points={f.points}
        factorLabel={f.factorLabel}
        outcomeLabel={f.outcomeLabel}
        lag={f.lag}
        timeOfDay={f.method === 'spearman' && f.comparative === 'a later'}
      />
      <TestThis f={f} today={today} />
      <Details f={f} compared={compared} />
    </li>
  );
}
