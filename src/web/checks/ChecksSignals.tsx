/**
 * The educational signals self-check: the first article's signals grouped by the system it links
 * them to, then its red-flag questions. Any red flag shows the support screen before anything else.
 */
import { EVIDENCE_GRADES } from '../../core/knowledge/types.ts';
import {
  RED_FLAGS,
  SIGNAL_GROUPS,
  SIGNALS_CAUTION,
  SIGNALS_SOURCE,
  signalGroupHeading,
} from '../../core/screeners/signals.ts';
import { ChecksSendError, ChecksSent, useChecksForm } from './ChecksForm.tsx';
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

const REQUIRED = [...SIGNAL_GROUPS.flatMap((g) => g.signals.map((s) => s.id)), ...RED_FLAGS.map((f) => f.id)];

export default function ChecksSignals() {
  const { answers, answer, missing, formRef, submit, onSubmit } = useChecksForm<boolean>('signals', REQUIRED);
  const set = (id: string) => (v: boolean) => answer(id, v);
  if (submit.data) return <ChecksSent outcome={submit.data} />;

  return (
    <div className="cap-checks">
      <header className="page-head">
        <div>
          <p className="eyebrow">Educational self-check</p>
          <h1>Signals check</h1>
        </div>
      </header>
      <p>
        “{SIGNALS_SOURCE.title}” ({SIGNALS_SOURCE.author}) lists signs it links to four brain messengers.
        These links are speculative: a feeling cannot show what a brain chemical is doing, and no food or
        habit is shown to “top up” one. Tick what has been true for you lately to see how solid each link is,
        and what has been tested in people for mood, worry and stress.
      </p>
      <p className="notice notice-info">{SIGNALS_CAUTION}</p>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {SIGNAL_GROUPS.map((g) => (
          <section key={g.neurotransmitter} className="card signal-group">
            <h2 className="card-title">
              {signalGroupHeading(g)}{' '}
              <span className={`grade grade-${g.linkGrade}`}>{EVIDENCE_GRADES[g.linkGrade].label} link</span>
            </h2>
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
        <ChecksSendError error={submit.error} />
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
