/**
 * One sample: its largest taxa (chart drawn lazily), diversity with context and citations, taxa
 * studied for links with mood with the graph's evidence, gut–brain modules when a KO table was
 * given, and what changed since the previous sample.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { deleteSample } from '../../contract/microbiome.ts';
import { callApi } from '../api.ts';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { formatDate } from '../useToday.ts';
import { DiversityCard } from './MicrobiomeDiversity.tsx';
import { MoodTaxaCard } from './MicrobiomeMoodTaxa.tsx';
import { percent } from './percent.ts';
import { MICROBIOME, type SampleChange, type SampleView, sampleQuery } from './queries.ts';
import './microbiome.css';

const MicrobiomeTaxaChart = lazy(() => import('./MicrobiomeTaxaChart.tsx'));

function ChangeCard({ change, previous }: { change: SampleChange; previous: { id: string; date: string } }) {
  const sign = (v: number, digits = 2) => `${v > 0 ? '+' : ''}${v.toFixed(digits)}`;
  return (
    <section className="card" aria-labelledby="mb-change">
      <h2 className="card-title" id="mb-change">
        Since {formatDate(previous.date)}
      </h2>
      <p>
        <strong>Bray–Curtis dissimilarity {change.brayCurtis.toFixed(2)}</strong>{' '}
        <span className="muted">
          (0 = the same make-up, 1 = no taxa in common; compares the shares of each taxon.{' '}
          <a
            className="microbiome-cite"
            href="https://doi.org/10.2307/1942268"
            target="_blank"
            rel="noreferrer"
          >
            Bray JR & Curtis JT (1957). Ecological Monographs.
          </a>
          )
        </span>
      </p>
      <p>
        {change.shannonNats === null ? (
          'One of the two samples holds no reads, so their variety cannot be compared.'
        ) : (
          <>
            Variety (Shannon diversity){' '}
            {change.shannonNats > 0 ? 'rose' : change.shannonNats < 0 ? 'fell' : 'stayed the same'}:{' '}
            {sign(change.shannonNats)} · kinds of microbes found {sign(change.observed, 0)}
          </>
        )}
      </p>
      <details className="microbiome-details">
        <summary>Details</summary>
        <p className="small">Shannon diversity in nats (natural logarithm), as in the Diversity card.</p>
      </details>
      <h3 className="microbiome-subhead">Largest shifts</h3>
      <ul className="microbiome-shifts">
        {change.biggestShifts.map((s) => (
          <li key={s.name}>
            {s.name}: {percent(s.before)} → {percent(s.after)}
          </li>
        ))}
      </ul>
      <Link to={`/microbiome/samples/${previous.id}`}>Open the sample from {formatDate(previous.date)}</Link>
    </section>
  );
}

function ModulesCard({ modules }: { modules: NonNullable<SampleView['sample']['modules']> }) {
  return (
    <section className="card" aria-labelledby="mb-modules">
      <h2 className="card-title" id="mb-modules">
        Gut–brain modules
      </h2>
      <p className="muted">
        Pathways by which gut bacteria may make or break down substances active in the nervous system. A
        module counts as present when at least 66% of its steps have a gene in the sample (coverage), as in{' '}
        <a
          className="microbiome-cite"
          href="https://doi.org/10.1038/s41564-018-0337-x"
          target="_blank"
          rel="noreferrer"
        >
          Valles-Colomer M et al. (2019). Nature Microbiology.
        </a>
      </p>
      <div className="table-scroll">
        <table className="microbiome-modules">
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Coverage</th>
              <th scope="col">Abundance</th>
              <th scope="col">Present</th>
            </tr>
          </thead>
          <tbody>
            {modules.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name} <span className="muted">{m.id}</span>
                </th>
                <td>{Math.round(m.coverage * 100)}%</td>
                <td>{m.abundance.toPrecision(3)}</td>
                <td>{m.present ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function MicrobiomeSample() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const q = useQuery(sampleQuery(id));
  const remove = useMutation({
    mutationFn: () => callApi<typeof deleteSample>('DELETE /api/microbiome/samples/:id', { params: { id } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: MICROBIOME });
      navigate('/microbiome');
    },
  });

  if (q.isPending) return <Loading label="Loading the sample…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { sample, change, previous, evidence } = q.data;
  const a = sample.analysis;

  return (
    <div className="cap-microbiome">
      <header className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/microbiome">Microbiome</Link>
          </p>
          <h1>Sample of {formatDate(sample.date)}</h1>
          <p className="muted">
            {[sample.label, sample.formatLabel, sample.rank ? `${sample.rank} level` : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </header>
      {a && (
        <section className="card" aria-labelledby="mb-taxa">
          <h2 className="card-title" id="mb-taxa">
            Largest taxa
          </h2>
          {(a.taxa.length > 0 || a.unclassifiedShare > 0) && (
            <Suspense fallback={<Loading label="Drawing the chart…" />}>
              <MicrobiomeTaxaChart taxa={a.taxa} unclassified={a.unclassifiedShare} />
            </Suspense>
          )}
          {a.notes.map((n) => (
            <p key={n} className="muted microbiome-note">
              {n}
            </p>
          ))}
        </section>
      )}
      {a?.diversity && <DiversityCard diversity={a.diversity} rank={a.rank} />}
      {a && a.taxa.length > 0 && <MoodTaxaCard findings={a.moodTaxa} evidence={evidence} rank={a.rank} />}
      {sample.modules && <ModulesCard modules={sample.modules} />}
      {!a && (
        <Notice kind="info">
          Only a KO table was uploaded for this date; add a taxonomic profile to see taxa and diversity.
        </Notice>
      )}
      {change && previous && <ChangeCard change={change} previous={previous} />}
      <section className="card">
        {!confirming ? (
          <button className="button danger-quiet" type="button" onClick={() => setConfirming(true)}>
            Delete this sample
          </button>
        ) : (
          <div className="microbiome-confirm">
            <p>Delete the results of this sample? This cannot be undone.</p>
            <button className="button secondary" type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button
              className="button danger"
              type="button"
              onClick={() => remove.mutate()}
              disabled={remove.isPending}
            >
              Delete
            </button>
          </div>
        )}
        {remove.isError && <Notice kind="error">{remove.error.message}</Notice>}
      </section>
    </div>
  );
}
