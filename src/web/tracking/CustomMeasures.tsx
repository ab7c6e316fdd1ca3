/** A person's own measures: add one (1–10, number with unit, yes/no, minutes) and log it for the day. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CUSTOM_KINDS, type CustomKind } from '../../core/habits/custom-measures.ts';
import { ApiError } from '../api.ts';
import { Notice } from '../components/States.tsx';
import {
  addCustomMeasureCall,
  type CustomMeasure,
  customMeasuresQuery,
  customValueQuery,
  putCustomValueCall,
} from './queries.ts';

const KIND_LABEL: Record<CustomKind, string> = {
  scale: '1–10',
  number: 'Number with a unit',
  yesno: 'Yes / no',
  minutes: 'Minutes',
};

function MeasureValue({ m, date }: { m: CustomMeasure; date: string }) {
  const qc = useQueryClient();
  const value = customValueQuery(m.id, date);
  const key = value.queryKey;
  const q = useQuery(value);
  const [draft, setDraft] = useState<string | null>(null);
  const current = q.data?.values[0]?.value;
  const save = useMutation({
    mutationFn: (v: number | boolean) => putCustomValueCall(m.id, date, v),
    onSuccess: () => {
      setDraft(null);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const err = save.error instanceof ApiError ? save.error : undefined;
  if (m.kind === 'yesno') {
    return (
      <label className="check">
        <input type="checkbox" checked={current === 1} onChange={(e) => save.mutate(e.target.checked)} />
        {m.name}
      </label>
    );
  }
  const shown = draft ?? (current === undefined ? '' : String(current));
  return (
    <form
      className="custom-value"
      onSubmit={(e) => {
        e.preventDefault();
        if (shown !== '') save.mutate(Number(shown));
      }}
    >
      <label className="field">
        <span>
          {m.name}
          {m.kind === 'scale' && ' (1–10)'}
          {m.kind === 'minutes' && ' (minutes)'}
          {m.unit && ` (${m.unit})`}
        </span>
        <input
          type="number"
          inputMode="decimal"
          value={shown}
          aria-invalid={err ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" className="button secondary" disabled={draft === null || save.isPending}>
        Save
      </button>
      {err && <Notice kind="error">{err.message}</Notice>}
    </form>
  );
}

export function CustomMeasures({ date }: { date: string }) {
  const qc = useQueryClient();
  const list = useQuery(customMeasuresQuery());
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CustomKind>('scale');
  const [unit, setUnit] = useState('');
  const add = useMutation({
    mutationFn: () => addCustomMeasureCall({ name, kind, ...(kind === 'number' ? { unit } : {}) }),
    onSuccess: () => {
      setName('');
      setUnit('');
      qc.invalidateQueries({ queryKey: ['custom-measures'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <section className="card" aria-labelledby="custom-title">
      <h2 id="custom-title" className="card-title">
        Your own measures
      </h2>
      {list.data?.measures.length === 0 && (
        <p className="muted">
          Track anything else that matters to you — water, pain, time outdoors with the dog.
        </p>
      )}
      {list.data?.measures.map((m) => (
        <MeasureValue key={m.id} m={m} date={date} />
      ))}
      <details className="custom-food">
        <summary>Add a measure</summary>
        <form className="form" onSubmit={submit}>
          <label className="field">
            <span>Name</span>
            <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as CustomKind)}>
              {CUSTOM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'number' && (
            <label className="field">
              <span>Unit</span>
              <input
                value={unit}
                maxLength={20}
                placeholder="glasses, km, mg…"
                onChange={(e) => setUnit(e.target.value)}
              />
            </label>
          )}
          {err && <Notice kind="error">{err.message}</Notice>}
          <button type="submit" className="button secondary" disabled={!name.trim() || add.isPending}>
            Add measure
          </button>
        </form>
      </details>
    </section>
  );
}
