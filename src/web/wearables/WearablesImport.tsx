/**
 * Data & sharing → Phone and wearables: upload an export (with progress; a failed upload is simply
 * sent again), see what each import brought, the order of watches and phones when two recorded the
 * same minutes, and delete everything one export brought in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { deleteWearableSource, importWearables, putDevicePriority } from '../../contract/wearables.ts';
import { ApiError, callApi, uploadWithProgress } from '../api.ts';
import { Notice } from '../components/States.tsx';
import { wearablesQuery } from './queries.ts';
import './wearables.css';

type Source = 'apple-health' | 'fitbit' | 'oura' | 'gadgetbridge';
type Summary = OutputOf<typeof importWearables>;

const SOURCES: ReadonlyArray<{ id: Source; name: string; how: string }> = [
  {
    id: 'apple-health',
    name: 'Apple Health (iPhone, Apple Watch)',
    how: 'In the Health app, tap your picture, then "Export All Health Data". Upload the export.zip it makes (or the export.xml inside it).',
  },
  {
    id: 'fitbit',
    name: 'Fitbit (Google Takeout)',
    how: 'At takeout.google.com press "Deselect all", tick Fitbit, choose .zip and "Create export"; upload the zip Google emails you.',
  },
  {
    id: 'oura',
    name: 'Oura',
    how: 'In the Oura Membership Hub (membership.ouraring.com), "Export data" then "Request your data"; upload the zip Oura emails you.',
  },
  {
    id: 'gadgetbridge',
    name: 'Gadgetbridge',
    how: 'In Gadgetbridge, menu → Data management → "Export DB" (or "Export zip"), and upload the file it writes.',
  },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function SummaryNotice({ s }: { s: Summary }) {
  const left = [
    s.skipped.unusedTypes &&
      plural(
        s.skipped.unusedTypes,
        'record of a kind Gutbrain does not use',
        'records of kinds Gutbrain does not use',
      ),
    s.skipped.badDates &&
      plural(
        s.skipped.badDates,
        'record dated before 1900 or after today',
        'records dated before 1900 or after today',
      ),
    s.skipped.implausible && plural(s.skipped.implausible, 'impossible value'),
    s.skipped.duplicates && plural(s.skipped.duplicates, 'duplicate'),
  ].filter(Boolean);
  return (
    <Notice kind="success">
      {s.sourceName}: {plural(s.values, 'daily value')} from {s.from} to {s.to} — {s.added.toLocaleString()}{' '}
      new, {s.updated.toLocaleString()} updated, {s.unchanged.toLocaleString()} already here.
      {s.previousImport && ' You had imported this same file before.'}
      {left.length > 0 && ` Left out: ${left.join(', ')}.`}
    </Notice>
  );
}

export function WearablesImport() {
  const qc = useQueryClient();
  const overview = useQuery(wearablesQuery());
  const [source, setSource] = useState<Source>('apple-health');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [order, setOrder] = useState<string[] | null>(null);

  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new ApiError(400, 'no_file', 'Choose the export file first.');
      setSent(0);
      return uploadWithProgress<typeof importWearables>(
        'POST /api/wearables/import',
        { query: { source, name: file.name.slice(0, 200) } },
        file,
        setSent,
      );
    },
    onSettled: () => setSent(null),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['wearables'] });
      qc.invalidateQueries({ queryKey: ['checkin'] });
      qc.invalidateQueries({ queryKey: ['checkins'] });
      qc.invalidateQueries({ queryKey: ['insights'] });
    },
  });
  const remove = useMutation({
    mutationFn: (s: Source) =>
      callApi<typeof deleteWearableSource>('DELETE /api/wearables/sources/:source', {
        params: { source: s },
      }),
    onSuccess: () => qc.invalidateQueries(),
  });
  const saveOrder = useMutation({
    mutationFn: (origins: string[]) =>
      callApi<typeof putDevicePriority>('PUT /api/wearables/priority', { body: { origins } }),
    onSuccess: (answer) => {
      qc.setQueryData(wearablesQuery().queryKey, answer);
      setOrder(null);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  const origins = order ?? overview.data?.origins ?? [];
  const move = (i: number, by: number) => {
    const next = [...origins];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item as string);
    setOrder(next);
  };
  const error = [upload.error, remove.error, saveOrder.error].find((e) => e instanceof ApiError) as
    | ApiError
    | undefined;

  return (
    <section className="card cap-wearables" aria-labelledby="wearables-title">
      <h2 className="card-title" id="wearables-title">
        Phone and wearables
      </h2>
      <p className="muted small">
        Sleep, steps, resting heart rate, heart-rate variability, breathing rate, mindful minutes, daylight
        and workouts, one value a day. A night from your watch fills in Today's sleep, which you can still
        change.
      </p>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>Phone or wearable</span>
          <select value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {SOURCES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <small className="muted">{SOURCES.find((s) => s.id === source)?.how}</small>
        </label>
        <label className="field">
          <span>Export to upload</span>
          <input
            type="file"
            accept=".zip,.xml,.db,.json,.csv,application/zip,application/xml"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="upload-row">
          <button className="button" type="submit" disabled={!file || upload.isPending}>
            {upload.isPending ? 'Uploading…' : 'Upload and import'}
          </button>
          {sent !== null && sent < 1 && (
            <span className="upload-progress">
              <progress value={sent} max={1} aria-label="Upload" /> {Math.round(sent * 100)}% sent
            </span>
          )}
          {upload.isPending && sent === 1 && (
            <span className="muted small" aria-live="polite">
              Reading the export — years of watch data take a minute or two.
            </span>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {error && <Notice kind="error">{error.message}</Notice>}
        {upload.data && <SummaryNotice s={upload.data} />}
      </div>

      {overview.data && overview.data.sources.length > 0 && (
        <>
          <h3 className="subtitle">Imported</h3>
          <ul className="source-list">
            {overview.data.sources.map((s) => (
              <li key={s.source}>
                <span>
                  <strong>{s.sourceName}</strong>{' '}
                  <span className="muted small">
                    {plural(s.values, 'daily value')}, {s.from} to {s.to}
                  </span>
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Delete everything imported from ${s.sourceName}? Your own check-ins stay.`,
                      )
                    ) {
                      remove.mutate(s.source);
                    }
                  }}
                >
                  Delete all from {s.sourceName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {origins.length > 1 && (
        <>
          <h3 className="subtitle">When two recorded the same minutes</h3>
          <p className="muted small">
            The first one counts. By default a watch or ring comes before other apps, and the phone comes
            last. A new order applies when you import again.
          </p>
          <ol className="origin-order">
            {origins.map((o, i) => (
              <li key={o}>
                <span>{o}</span>
                <span className="order-buttons">
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={`Move ${o} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={i === origins.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move ${o} down`}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {order && (
            <button
              type="button"
              className="button"
              onClick={() => saveOrder.mutate(order)}
              disabled={saveOrder.isPending}
            >
              Save this order
            </button>
          )}
        </>
      )}
    </section>
  );
}
