/**
 * Import from another tracker (Daylio, Bearable, Loop) or a Gutbrain export: choose the file,
 * look at the preview (rows, dates, what maps to what, moods, what is skipped and why), adjust,
 * then import. Nothing is stored until "Import"; importing the same file again adds nothing.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { mayImportInto } from '../../core/import/compatible.ts';
import { type ApiError, api } from '../api.ts';
import { Notice } from '../components/States.tsx';
import {
  commitImport,
  type ImportOutcome,
  type ImportRequest,
  type ImportTarget,
  previewImport,
} from './queries.ts';

type Source = ImportRequest['source'];
type Target = ImportTarget;

const SOURCES: { id: Source; label: string; hint: string }[] = [
  { id: 'gutbrain', label: 'Gutbrain export (JSON)', hint: 'The file from "Download everything".' },
  { id: 'daylio', label: 'Daylio (CSV)', hint: 'More → Export entries → CSV.' },
  { id: 'bearable', label: 'Bearable (CSV)', hint: 'Settings → Export data (the long format).' },
  {
    id: 'loop',
    label: 'Loop Habit Tracker (CSV)',
    hint: 'Choose the zip Loop exported (or Habits.csv and Checkmarks.csv from it).',
  },
];

/** A CSV or JSON file as text; a zip (Loop's export) as the CSV files inside it, with their folders. */
async function readUpload(f: File): Promise<{ name: string; content: string }[]> {
  if (!f.name.toLowerCase().endsWith('.zip'))
    return [{ name: f.webkitRelativePath || f.name, content: await f.text() }];
  const { unzipSync, strFromU8 } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await f.arrayBuffer()), {
    filter: (e) => e.name.toLowerCase().endsWith('.csv') && !e.name.toLowerCase().endsWith('scores.csv'),
  });
  return Object.entries(entries).map(([name, bytes]) => ({ name, content: strFromU8(bytes) }));
}

const choiceOf = (t: Target | undefined) =>
  !t ? 'suggested' : t.to === 'skip' ? 'skip' : t.to === 'measure' ? `m:${t.key}` : 'suggested';

const describeTarget = (t: Target, labels: ReadonlyMap<string, string>) =>
  t.to === 'skip' ? 'Skipped' : t.to === 'measure' ? (labels.get(t.key) ?? t.key) : `New measure: ${t.name}`;

/** What a finished import added, in words. */
function importedWords(done: ImportOutcome): string {
  if ('tables' in done) return `${done.tables.reduce((n, t) => n + t.added, 0)} rows added.`;
  return done.result
    ? `${done.result.observations.added} values added, ${done.result.observations.present} were already here.`
    : '';
}

export function DataImport() {
  const [source, setSource] = useState<Source>('daylio');
  const [files, setFiles] = useState<{ name: string; content: string }[]>([]);
  // The newest choice of files being read; Preview waits for it (a zip is unpacked first).
  const reading = useRef(0);
  const [isReading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [moods, setMoods] = useState<Record<string, number>>({});
  const [targets, setTargets] = useState<Record<string, Target>>({});
  const body = () => ({
    source,
    files,
    ...(Object.keys(moods).length ? { moods } : {}),
    ...(Object.keys(targets).length ? { targets } : {}),
  });
  // What the file's items would become with no choices made, to offer as the first option.
  const [suggested, setSuggested] = useState<Record<string, Target>>({});
  const measures = useQuery({
    queryKey: ['measures'],
    queryFn: () => api.get<{ measures: { key: string; label: string; kind: string }[] }>('/api/measures'),
  });
  const labels = new Map((measures.data?.measures ?? []).map((x) => [x.key, x.label]));
  const preview = useMutation({
    mutationFn: () => previewImport(body()),
    onSuccess: (p) => {
      const fresh: Record<string, Target> = {};
      for (const m of 'plan' in p ? p.plan.mappings : []) if (!targets[m.ref]) fresh[m.ref] = m.target;
      setSuggested((old) => ({ ...fresh, ...old }));
    },
  });
  const commit = useMutation({ mutationFn: () => commitImport(body()) });
  const error = (preview.error ?? commit.error) as ApiError | null;
  const p = preview.data;
  const plan = p && 'plan' in p ? p.plan : undefined;
  const result = p && 'plan' in p ? p.result : null;
  const tables = p && 'tables' in p ? p.tables : undefined;

  async function choose(list: FileList | null) {
    // Forget the previous file at once, so Preview cannot send it while the new one is read.
    const turn = ++reading.current;
    setFiles([]);
    setReadError(null);
    setMoods({});
    setTargets({});
    setSuggested({});
    preview.reset();
    commit.reset();
    setReading(true);
    try {
      const read = await Promise.all([...(list ?? [])].map(readUpload));
      if (turn === reading.current) setFiles(read.flat());
    } catch {
      if (turn === reading.current) setReadError('That file could not be read. Is it the export itself?');
    } finally {
      if (turn === reading.current) setReading(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 className="card-title" id="import-title">
        Import
      </h2>
      <div className="form">
        <label className="field">
          <span>From</span>
          <select value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {SOURCES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <small className="muted">{SOURCES.find((s) => s.id === source)?.hint}</small>
        </label>
        <label className="field">
          <span>File{source === 'loop' ? 's' : ''}</span>
          <input
            type="file"
            accept=".csv,.json,.zip,text/csv,application/json,application/zip"
            multiple={source === 'loop'}
            onChange={(e) => choose(e.target.files)}
          />
        </label>
        <button
          className="button secondary"
          type="button"
          disabled={files.length === 0 || isReading || preview.isPending}
          onClick={() => preview.mutate()}
        >
          {isReading ? 'Reading the file…' : 'Preview'}
        </button>
      </div>
      {readError && <Notice kind="error">{readError}</Notice>}
      {error && <Notice kind="error">{error.message}</Notice>}

      {p && (
        <div className="import-preview" aria-live="polite">
          {p.previousImport && (
            <Notice kind="info">
              You imported this file on {p.previousImport.slice(0, 10)}. Importing it again adds nothing new.
            </Notice>
          )}
          {plan && (
            <>
              <p>
                {plan.rows} rows, {plan.days} days
                {plan.dateRange && ` from ${plan.dateRange.from} to ${plan.dateRange.to}`}.{' '}
                {result &&
                  `${result.observations.added} values to add, ${result.observations.present} already here.`}
              </p>
              {plan.moods && (
                <fieldset className="import-moods">
                  <legend>Your moods on Gutbrain's 1–10 scale</legend>
                  {plan.moods.map((m) => (
                    <label key={m.label} className="field inline">
                      <span>
                        {m.label} <small className="muted">({m.entries})</small>
                      </span>
                      <input
                        type="number"
                        min={1}
                        max={10}
                        value={moods[m.label] ?? m.value ?? ''}
                        onChange={(e) => setMoods({ ...moods, [m.label]: Number(e.target.value) })}
                      />
                    </label>
                  ))}
                </fieldset>
              )}
              <table className="import-table">
                <caption>What goes where</caption>
                <thead>
                  <tr>
                    <th scope="col">In the file</th>
                    <th scope="col">Values</th>
                    <th scope="col">In Gutbrain</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.mappings.map((m) => (
                    <tr key={m.ref}>
                      <td>{m.label}</td>
                      <td>{m.values}</td>
                      <td>
                        <select
                          aria-label={`Where ${m.label} goes`}
                          value={choiceOf(targets[m.ref])}
                          onChange={(e) => {
                            const next = { ...targets };
                            const v = e.target.value;
                            if (v === 'suggested') delete next[m.ref];
                            else if (v === 'skip') next[m.ref] = { to: 'skip' };
                            else next[m.ref] = { to: 'measure', key: v.slice(2) };
                            setTargets(next);
                          }}
                        >
                          <option value="suggested">
                            {describeTarget(suggested[m.ref] ?? m.target, labels)}
                          </option>
                          <option value="skip">Skip</option>
                          {(measures.data?.measures ?? [])
                            .filter((x) => mayImportInto(m.kind, x.kind))
                            .map((x) => (
                              <option key={x.key} value={`m:${x.key}`}>
                                {x.label}
                              </option>
                            ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.skipped.length > 0 && (
                <details>
                  <summary>{plan.skipped.length} entries skipped</summary>
                  <ul className="small">
                    {plan.skipped.slice(0, 200).map((s) => (
                      <li key={`${s.line}-${s.reason}`}>
                        Line {s.line}: {s.reason}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {plan.problems.length > 0 && (
                <Notice kind="error">
                  {plan.problems.length} problem(s) to fix first: {plan.problems[0]?.message}
                </Notice>
              )}
            </>
          )}
          {tables && (
            <ul className="small">
              {tables.map((t) => (
                <li key={t.table}>
                  {t.table}:{' '}
                  {t.skipped ? `not imported — ${t.skipped}` : `${t.added} to add, ${t.present} already here`}
                  {t.conflicts.length > 0 && `, ${t.conflicts.length} kept as you have them`}
                </li>
              ))}
            </ul>
          )}
          <button
            className="button"
            type="button"
            disabled={commit.isPending || (plan?.problems.length ?? 0) > 0}
            onClick={() => commit.mutate()}
          >
            Import
          </button>
          <button className="button secondary" type="button" onClick={() => preview.mutate()}>
            Update preview
          </button>
        </div>
      )}
      {commit.data && (
        <Notice kind="success">
          Imported.{' '}
          {importedWords(commit.data)}
        </Notice>
      )}
    </section>
  );
}
