/**
 * What the clinic adds beside a person's data: treatment-phase markers ("started CBT", "dose
 * change") drawn through the trajectories, and notes only the clinic's staff can read.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { addMarker, addNote, deleteMarker } from '../../contract/clinics.ts';
import { ApiError, callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/States.tsx';
import { CLINICS, type ClinicPersonPage } from './queries.ts';
import { shortDate } from './words.ts';

type Ids = { clinicId: string; personId: string };

export function Markers({
  ids,
  markers,
  today,
}: {
  ids: Ids;
  markers: ClinicPersonPage['markers'];
  today: string;
}) {
  const qc = useQueryClient();
  const [date, setDate] = useState(today);
  const [label, setLabel] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: CLINICS });
  const add = useMutation({
    mutationFn: () =>
      callApi<typeof addMarker>('POST /api/clinician/clinics/:clinicId/people/:personId/markers', {
        params: ids,
        body: { date, label },
      }),
    onSuccess: () => {
      setLabel('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (markerId: string) =>
      callApi<typeof deleteMarker>(
        'DELETE /api/clinician/clinics/:clinicId/people/:personId/markers/:markerId',
        {
          params: { ...ids, markerId },
        },
      ),
    onSuccess: refresh,
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <section className="card" aria-labelledby="markers-title">
      <h2 className="card-title" id="markers-title">
        Treatment phases
      </h2>
      {markers.length === 0 ? (
        <p className="muted small">No markers yet. They show as dashed lines through the charts.</p>
      ) : (
        <ul className="row-list">
          {markers.map((m) => (
            <li key={m.id}>
              <div>
                <strong>{shortDate(m.date)}</strong> {m.label}{' '}
                <span className="muted small">({m.createdBy})</span>
              </div>
              <button
                type="button"
                className="button danger-quiet"
                onClick={() => remove.mutate(m.id)}
                aria-label={`Remove the marker ${m.label}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="marker-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field
          label="Date"
          type="date"
          value={date}
          max={today}
          error={err?.field === 'date' ? err.message : undefined}
          onChange={(e) => setDate(e.target.value)}
        />
        <Field
          label="What changed"
          value={label}
          maxLength={120}
          placeholder="Started CBT"
          error={err?.field === 'label' ? err.message : undefined}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button className="button" type="submit" disabled={!label.trim() || !date || add.isPending}>
          Add marker
        </button>
      </form>
      {err && err.field !== 'date' && err.field !== 'label' && <Notice kind="error">{err.message}</Notice>}
    </section>
  );
}

export function Notes({ ids, notes }: { ids: Ids; notes: ClinicPersonPage['notes'] }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () =>
      callApi<typeof addNote>('POST /api/clinician/clinics/:clinicId/people/:personId/notes', {
        params: ids,
        body: { text },
      }),
    onSuccess: () => {
      setText('');
      void qc.invalidateQueries({ queryKey: CLINICS });
    },
  });
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 className="card-title" id="notes-title">
        Clinic notes
      </h2>
      <p className="small muted">Only your clinic’s staff can read these; the person does not see them.</p>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label className="field">
          <span>New note</span>
          <textarea rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {add.error && <Notice kind="error">{add.error.message}</Notice>}
        <div>
          <button className="button" type="submit" disabled={!text.trim() || add.isPending}>
            Add note
          </button>
        </div>
      </form>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="small muted">
                {n.createdBy}, {new Date(n.createdAt).toLocaleString()}
              </p>
              <p className="note-text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
