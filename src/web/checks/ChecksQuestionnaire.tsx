/**
 * One validated questionnaire (PHQ-9, GAD-7 or WHO-5), items word for word as published. After
 * sending, the outcome is drawn by ChecksOutcome, which shows the support screen first when the
 * answers raise a trigger.
 */
import { useParams } from 'react-router';
import { INSTRUMENTS, isInstrumentId, NOT_A_DIAGNOSIS } from '../../core/screeners/instruments.ts';
import NotFound from '../components/NotFound.tsx';
import { ChecksSendError, ChecksSent, useChecksForm } from './ChecksForm.tsx';
import './checks.css';

export default function ChecksQuestionnaire() {
  const { instrument: id = '' } = useParams();
  if (!isInstrumentId(id)) return <NotFound />;
  return <Questionnaire key={id} id={id} />;
}

function Questionnaire({ id }: { id: keyof typeof INSTRUMENTS }) {
  const instrument = INSTRUMENTS[id];
  const { answers, answer, missing, formRef, submit, onSubmit } = useChecksForm<number>(
    id,
    instrument.items.map((i) => i.id),
  );
  if (submit.data) return <ChecksSent outcome={submit.data} />;

  const answered = instrument.items.filter((i) => answers[i.id] !== undefined).length;
  const questions = instrument.difficulty ? [...instrument.items, instrument.difficulty] : instrument.items;
  return (
    <div className="cap-checks">
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
                      onChange={() => answer(q.id, o.value)}
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
        <ChecksSendError error={submit.error} />
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
