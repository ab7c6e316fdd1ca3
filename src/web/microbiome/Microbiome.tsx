/**
 * Microbiome: upload a report (MetaPhlAn, BIOM, QIIME 2, a plain table, or a HUMAnN KO table with
 * module definitions) for a collection date, and the list of samples, each opening its own page.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RANKS, type Rank } from '../../core/microbiome/types.ts';
import { ApiError } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { EmptyState, ErrorState, Loading, Notice } from '../components/States.tsx';
import { formatDate, useToday } from '../useToday.ts';
import { percent } from './percent.ts';
import { MICROBIOME, samplesQuery, uploadSample } from './queries.ts';
import './microbiome.css';

function UploadForm() {
  const today = useToday();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(today);
  const [rank, setRank] = useState<Rank>('genus');
  const [sample, setSample] = useState('');
  const [report, setReport] = useState<File | null>(null);
  const [taxonomy, setTaxonomy] = useState<File | null>(null);
  const [modules, setModules] = useState<File | null>(null);

  const upload = useMutation({
    mutationFn: async () => {
      if (!report) throw new ApiError(400, 'required', 'Choose the report file to upload.', 'file');
      return uploadSample({
        report,
        date,
        rank,
        sample: sample.trim() || undefined,
        taxonomy: taxonomy ?? undefined,
        modules: modules ?? undefined,
      });
    },
    onSuccess: (view) => {
      queryClient.invalidateQueries({ queryKey: MICROBIOME });
      navigate(`/microbiome/samples/${view.sample.id}`);
    },
  });
  const err = upload.error instanceof ApiError ? upload.error : null;
  const fieldError = (f: string) => (err?.field === f ? err.message : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };

  return (
    <form className="card form microbiome-upload" onSubmit={submit} noValidate>
      <h2 className="card-title">Add a report</h2>
      <p className="muted">
        MetaPhlAn profiles, BIOM tables (1.0 JSON or 2.1 HDF5), QIIME 2 feature tables, a CSV or TSV of taxa
        and abundances, or a HUMAnN table of KEGG orthologs. Only the results are kept, not the file.
      </p>
      <div className={`field${fieldError('file') ? ' field-invalid' : ''}`}>
        <label htmlFor="mb-report">Report file</label>
        <input
          id="mb-report"
          type="file"
          onChange={(e) => setReport(e.target.files?.[0] ?? null)}
          aria-describedby={fieldError('file') ? 'mb-report-error' : undefined}
        />
        {fieldError('file') && (
          <small id="mb-report-error" className="field-error">
            {fieldError('file')}
          </small>
        )}
      </div>
      <Field
        label="Date the sample was collected"
        type="date"
        value={date}
        max={today}
        onChange={(e) => setDate(e.target.value)}
        error={fieldError('date')}
        required
      />
      <div className="field">
        <label htmlFor="mb-rank">Level to compare at</label>
        <select id="mb-rank" value={rank} onChange={(e) => setRank(e.target.value as Rank)}>
          {RANKS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {err?.field === 'sample' && err.choices && err.choices.length > 0 ? (
        <div className="field field-invalid microbiome-sample-pick">
          <label htmlFor="mb-sample">Which sample is yours?</label>
          <select id="mb-sample" value={sample} onChange={(e) => setSample(e.target.value)}>
            <option value="">Choose a sample…</option>
            {err.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <small className="field-error">{err.message}</small>
        </div>
      ) : (
        <Field
          label="Sample name (only for files holding several samples)"
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          error={fieldError('sample')}
        />
      )}
      <details className="microbiome-extra">
        <summary>Extra files</summary>
        <div className="field">
          <label htmlFor="mb-taxonomy">QIIME 2 taxonomy.tsv (for a feature table)</label>
          <input id="mb-taxonomy" type="file" onChange={(e) => setTaxonomy(e.target.files?.[0] ?? null)} />
        </div>
        <div className={`field${fieldError('modules') ? ' field-invalid' : ''}`}>
          <label htmlFor="mb-modules">Module definitions (GBM format, for a KO table)</label>
          <input id="mb-modules" type="file" onChange={(e) => setModules(e.target.files?.[0] ?? null)} />
          {fieldError('modules') && <small className="field-error">{fieldError('modules')}</small>}
        </div>
      </details>
      {err && !['file', 'date', 'sample', 'modules'].includes(err.field ?? '') && (
        <Notice kind="error">{err.message}</Notice>
      )}
      {upload.error && !err && <Notice kind="error">{upload.error.message}</Notice>}
      <button className="button" type="submit" disabled={upload.isPending}>
        {upload.isPending ? 'Reading the report…' : 'Upload and analyse'}
      </button>
    </form>
  );
}

export default function Microbiome() {
  const q = useQuery(samplesQuery());
  return (
    <div className="cap-microbiome">
      <header className="page-head">
        <div>
          <p className="eyebrow">Your own data</p>
          <h1>Microbiome</h1>
          <p className="muted">
            Reports from a stool test or sequencing service, read here on your own server.
          </p>
        </div>
      </header>
      {q.isPending && <Loading label="Loading your samples…" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.data && q.data.samples.length === 0 && (
        <EmptyState title="No samples yet">
          Upload a report below to see which bacteria it found, how diverse it is, and what the research does
          and does not say about the ones linked to mood.
        </EmptyState>
      )}
      {q.data && q.data.samples.length > 0 && (
        <section className="card" aria-labelledby="mb-samples">
          <h2 className="card-title" id="mb-samples">
            Samples
          </h2>
          <ul className="microbiome-list">
            {q.data.samples.map((s) => (
              <li key={s.id}>
                <Link to={`/microbiome/samples/${s.id}`} className="microbiome-list-item">
                  <span className="microbiome-list-date">{formatDate(s.date)}</span>
                  <span className="muted">
                    {[
                      s.formatLabel,
                      s.observed !== null ? `${s.observed} taxa` : null,
                      s.topTaxon ? `most common: ${s.topTaxon.name} ${percent(s.topTaxon.share)}` : null,
                      s.hasModules ? 'modules' : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <UploadForm />
    </div>
  );
}
