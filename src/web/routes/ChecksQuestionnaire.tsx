/**
 * One validated questionnaire (PHQ-9, GAD-7 or WHO-5), items word for word as published. After
 * sending, the outcome is drawn by ChecksOutcome, which shows the support screen first when the
 * answers raise a trigger.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { INSTRUMENTS, isInstrumentId, NOT_A_DIAGNOSIS } from '../../core/screeners/instruments.ts';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/States.tsx';
import type { OutcomeAnswer } from './ChecksApi.ts';
import { ChecksOutcome } from './ChecksOutcome.tsx';
import NotFound from './NotFound.tsx';
import './checks.css';

export default function ChecksQuestionnaire() {
  const { instrument: id = '' } = useParams();
  if (!isInstrumentId(id)) return <NotFound />;
  return <Questionnaire key={id} id={id} />;
}

function Questionnaire({ id }: { id: keyof typeof INSTRUMENTS }) {
  const instrument = INSTRUMENTS[id];
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useMutation({
    mutationFn: (body: { answers: Record<string, number> }) =>
      api.send<OutcomeAnswer>('POST', `/api/screeners/${id}`, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['screeners'] });
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field?.startsWith('answers.'))
        focusItem(e.field.slice('answers.'.length));
    },
  });

  function focusItem(itemId: string) {
    setMissing(itemId);
    formRef.current?.querySelector<HTMLInputElement>(`input[name="${itemId}"]`)?.focus();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const unanswered = instrument.items.find((i) => answers[i.id] === undefined);
    if (unanswered) return focusItem(unanswered.id);
    setMissing(null);
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

  const answered = instrument.items.filter((i) => answers[i.id] !== undefined).length;
  const questions = instrument.difficulty ? [...instrument.items, instrument.difficulty] : instrument.items;
  return (
    <div className="checks">
      <header className="page-head">
        <div>
          <p className="eyebrow">Self-check</p>
          <h1>{instrument.name}</h1>
        </div>
      </header>
      <p className="muted small">{NOT_A_DIAGNOSIS}</p>
      <form ref={formRef} className="form questionnaire" onSubmit={onSubmit} noValidate>
        <p className="questionnaire-stem">
          <strong>{instrument.stem}</strong>
        </p>
        {questions.map((q, n) => {
          const isDifficulty = q.id === instrument.difficulty?.id;
          const options =
            isDifficulty && instrument.difficulty ? instrument.difficulty.options : instrument.options;
          const invalid = missing === q.id;
          return (
            <fieldset
              key={q.id}
              className={`question${invalid ? ' question-invalid' : ''}`}
              aria-describedby={invalid ? `${q.id}-error` : undefined}
            >
              <legend>
                {isDifficulty ? '' : `${n + 1}. `}
                {q.text}
                {isDifficulty && <span className="muted small"> (optional)</span>}
              </legend>
              <div className="options">
                {options.map((o) => (
                  <label key={o.value} className={`option${answers[q.id] === o.value ? ' selected' : ''}`}>
                    <input
                      type="radio"
                      name={q.id}
                      value={o.value}
                      checked={answers[q.id] === o.value}
                      onChange={() => {
                        setAnswers((a) => ({ ...a, [q.id]: o.value }));
                        if (missing === q.id) setMissing(null);
                      }}
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {invalid && (
                <p id={`${q.id}-error`} className="field-error">
                  Please answer this question.
                </p>
              )}
            </fieldset>
          );
        })}
        {submit.error &&
          !(submit.error instanceof ApiError && submit.error.field?.startsWith('answers.')) && (
            <Notice kind="error">{submit.error.message}</Notice>
          )}
        <div className="save-bar">
          <span className="muted small">
            {answered} of {instrument.items.length} answered
          </span>
          <button type="submit" className="button" disabled={submit.isPending}>
            {submit.isPending ? 'Sending…' : 'See my result'}
          </button>
        </div>
        <p className="small muted">{instrument.attribution}</p>
      </form>
    </div>
  );
}
