/**
 * The educational signals self-check: the first article's signals grouped by the system it links
 * them to, then its red-flag questions. Any red flag shows the support screen before anything else.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { RED_FLAGS, SIGNAL_GROUPS, SIGNALS_CAUTION, SIGNALS_SOURCE } from '../../core/screeners/signals.ts';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/States.tsx';
import type { OutcomeAnswer } from './ChecksApi.ts';
import { ChecksOutcome } from './ChecksOutcome.tsx';
import './checks.css';

function YesNo({
  id,
  label,
  value,
  invalid,
  onChange,
}: {
  id: string;
  label: string;
  value: boolean | undefined;
  invalid: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <fieldset className={`yesno${invalid ? ' question-invalid' : ''}`}>
      <legend>{label}</legend>
      <div className="options options-inline">
        {[true, false].map((v) => (
          <label key={String(v)} className={`option${value === v ? ' selected' : ''}`}>
            <input type="radio" name={id} checked={value === v} onChange={() => onChange(v)} />
            <span>{v ? 'Yes' : 'No'}</span>
          </label>
        ))}
      </div>
      {invalid && <p className="field-error">Please answer yes or no.</p>}
    </fieldset>
  );
}

export default function ChecksSignals() {
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useMutation({
    mutationFn: (body: { answers: Record<string, boolean> }) =>
      api.send<OutcomeAnswer>('POST', '/api/screeners/signals', body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['screeners'] });
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field?.startsWith('answers.'))
        focusItem(e.field.slice('answers.'.length));
    },
  });
  const set = (id: string) => (v: boolean) => {
    setAnswers((a) => ({ ...a, [id]: v }));
    if (missing === id) setMissing(null);
  };

  function focusItem(id: string) {
    setMissing(id);
    formRef.current?.querySelector<HTMLInputElement>(`input[name="${id}"]`)?.focus();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const all = [...SIGNAL_GROUPS.flatMap((g) => g.signals.map((s) => s.id)), ...RED_FLAGS.map((f) => f.id)];
    const unanswered = all.find((id) => answers[id] === undefined);
    if (unanswered) return focusItem(unanswered);
    submit.mutate({ answers });
  }

  if (submit.data) {
    return (
      <div className="checks">
        <ChecksOutcome outcome={submit.data} />
        <p>
          <Link to="/checks" className="button secondary">
            Back to checks
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="checks">
      <header className="page-head">
        <div>
          <p className="eyebrow">Educational self-check</p>
          <h1>Signals check</h1>
        </div>
      </header>
      <p>
        “{SIGNALS_SOURCE.title}” ({SIGNALS_SOURCE.author}) lists signs it links to four brain messengers. Tick
        what has been true for you lately to see which systems your answers touch and what the evidence says
        about supporting them.
      </p>
      <p className="notice notice-info">{SIGNALS_CAUTION}</p>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {SIGNAL_GROUPS.map((g) => (
          <section key={g.neurotransmitter} className="card signal-group">
            <h2 className="card-title">Signals the article links to {g.name}</h2>
            {g.signals.map((s) => (
              <YesNo
                key={s.id}
                id={s.id}
                label={s.label}
                value={answers[s.id]}
                invalid={missing === s.id}
                onChange={set(s.id)}
              />
            ))}
          </section>
        ))}
        <section className="card signal-group">
          <h2 className="card-title">Important: have you had any of these?</h2>
          <p className="small muted">If you answer yes to any, we will show you where to get help first.</p>
          {RED_FLAGS.map((f) => (
            <YesNo
              key={f.id}
              id={f.id}
              label={f.label}
              value={answers[f.id]}
              invalid={missing === f.id}
              onChange={set(f.id)}
            />
          ))}
        </section>
        {submit.error &&
          !(submit.error instanceof ApiError && submit.error.field?.startsWith('answers.')) && (
            <Notice kind="error">{submit.error.message}</Notice>
          )}
        <div className="save-bar">
          <span className="muted small">Not a diagnosis. Never a supplement or medicine recommendation.</span>
          <button type="submit" className="button" disabled={submit.isPending}>
            {submit.isPending ? 'Sending…' : 'See my reflection'}
          </button>
        </div>
      </form>
    </div>
  );
}
