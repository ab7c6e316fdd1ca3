/**
 * Personal experiments: start one by hand ("kefir every day for 14 days") with the one outcome it
 * will be judged on, see its result against the baseline — a verdict on that outcome only at the
 * end ("no clear change" is a result, with the size of change the days could have shown), "so far"
 * while running, the other outcomes as exploratory — end or delete it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { ErrorState, Notice } from '../components/States.tsx';
import { formatDate } from '../useToday.ts';
import {
  createExperiment,
  type Experiment,
  endExperiment,
  experimentResultQuery,
  experimentsQuery,
  insightKeys,
  type OutcomeKey,
  removeExperiment,
} from './queries.ts';

/** Measures an experiment can track adherence with (the key is what the form sends). */
const MEASURES: { key: string; label: string }[] = [
  { key: '', label: 'Nothing in particular' },
  { key: 'fermented_servings', label: 'Fermented food servings' },
  { key: 'plant_points', label: 'Plant points' },
  { key: 'high_fibre_servings', label: 'Fibre-rich servings' },
  { key: 'movement', label: 'Movement minutes' },
  { key: 'morning_sunlight', label: 'Morning daylight minutes' },
  { key: 'meditation', label: 'Meditation minutes' },
  { key: 'breathing', label: 'Breathing exercise minutes' },
  { key: 'sleep_hours', label: 'Sleep hours' },
  { key: 'social_connection', label: 'Meaningful conversation' },
  { key: 'gratitude', label: 'Gratitudes' },
];

const VERDICT_LABELS = {
  higher: 'Higher',
  lower: 'Lower',
  no_clear_change: 'No clear change',
  so_far: 'So far',
  exploratory: 'Exploratory',
  not_enough_data: 'Not enough data',
} as const;

/** The outcomes an experiment can be judged on; mood first, the default. */
const OUTCOME_CHOICES: { key: OutcomeKey; label: string }[] = [
  { key: 'mood', label: 'Mood' },
  { key: 'energy', label: 'Energy' },
  { key: 'focus', label: 'Focus' },
  { key: 'stress', label: 'Stress' },
  { key: 'sleep_quality', label: 'Sleep quality' },
  { key: 'life_satisfaction', label: 'Life satisfaction' },
  { key: 'gut_comfort', label: 'Gut comfort' },
];
const outcomeLabel = (key: OutcomeKey) => OUTCOME_CHOICES.find((o) => o.key === key)?.label ?? key;

function Result({ id }: { id: string }) {
  const q = useQuery(experimentResultQuery(id));
  if (q.isPending) return <p className="muted small">Working out the result…</p>;
  if (q.isError) return <ErrorState error={q.error} />;
  const r = q.data.result;
  const [primary, ...others] = r.outcomes;
  return (
    <div className="experiment-result">
      <p>
        <strong>{r.final ? 'Result: ' : 'So far: '}</strong>
        {r.summary}
      </p>
      <p className="small muted">
        Baseline {formatDate(r.baseline.from)} – {formatDate(r.baseline.to)}; experiment{' '}
        {formatDate(r.experiment.from)} – {formatDate(r.experiment.to)}.
        {r.adherence && ` Done on ${r.adherence.daysDone} of ${r.adherence.daysTracked} tracked days.`}
      </p>
      {primary && (
        <p className="experiment-primary">
          <span className={`verdict verdict-${primary.verdict}`}>{VERDICT_LABELS[primary.verdict]}</span>{' '}
          {primary.sentence}
        </p>
      )}
      {others.length > 0 && (
        <details className="experiment-exploratory">
          <summary>Other outcomes (exploratory)</summary>
          <p className="small muted">
            Only the outcome chosen at the start is judged. These are shown for interest; with several
            outcomes one can move by chance, so each is adjusted for the others (Holm).
          </p>
          <ul className="experiment-outcomes">
            {others.map((o) => (
              <li key={o.outcome}>
                <span className={`verdict verdict-${o.verdict}`}>{VERDICT_LABELS[o.verdict]}</span>{' '}
                {o.sentence}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="small muted">{r.caveat}</p>
      <p className="small muted">{r.method}</p>
    </div>
  );
}

function ExperimentItem({ e, today }: { e: Experiment; today: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(e.status === 'finished');
  const refresh = () => qc.invalidateQueries({ queryKey: insightKeys.experiments });
  const end = useMutation({
    mutationFn: () => endExperiment(e.id, today),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => removeExperiment(e.id),
    onSuccess: refresh,
  });
  return (
    <li className="card experiment">
      <h3 className="card-title">{e.title}</h3>
      <p className="small muted">
        {e.status === 'planned' ? 'Starts' : 'Started'} {formatDate(e.startDate)},{' '}
        {e.status === 'finished' ? 'ended' : 'ends'} {formatDate(e.endDate)} · {e.status} · judged on{' '}
        {outcomeLabel(e.primaryOutcome).toLowerCase()}
        {e.origin === 'recommendation' && ' · from a suggestion'}
      </p>
      <div className="recommendation-actions">
        <button
          type="button"
          className="button secondary"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide result' : 'See result'}
        </button>
        {e.status === 'running' && today >= e.startDate && (
          <button type="button" className="button secondary" onClick={() => end.mutate()}>
            End today
          </button>
        )}
        <button type="button" className="button danger-quiet" onClick={() => remove.mutate()}>
          Delete
        </button>
      </div>
      {open && <Result id={e.id} />}
    </li>
  );
}

function StartForm({ today }: { today: string }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [measure, setMeasure] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [durationDays, setDuration] = useState(14);
  const [primaryOutcome, setPrimary] = useState<OutcomeKey>('mood');
  const create = useMutation({
    mutationFn: () =>
      createExperiment({
        title,
        startDate,
        durationDays,
        primaryOutcome,
        ...(measure ? { measure } : {}),
      }),
    onSuccess: async () => {
      setTitle('');
      await qc.invalidateQueries({ queryKey: insightKeys.experiments });
    },
  });
  const fieldError = (f: string) =>
    create.error instanceof ApiError && create.error.field === f ? create.error.message : undefined;
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate();
  };
  return (
    <form className="form experiment-form" onSubmit={submit} aria-labelledby="start-experiment">
      <h3 id="start-experiment">Start an experiment by hand</h3>
      <label className="field">
        <span>What will you try?</span>
        <input
          required
          maxLength={120}
          value={title}
          placeholder="Kefir every day"
          onChange={(e) => setTitle(e.target.value)}
        />
        {fieldError('title') && <span className="field-error">{fieldError('title')}</span>}
      </label>
      <label className="field">
        <span>What shows you did it (optional)</span>
        <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
          {MEASURES.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Judge it on</span>
        <select value={primaryOutcome} onChange={(e) => setPrimary(e.target.value as OutcomeKey)}>
          {OUTCOME_CHOICES.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
        <span className="small muted">
          Chosen now, before any result: only this outcome gets a verdict at the end.
        </span>
      </label>
      <div className="experiment-dates">
        <label className="field">
          <span>Start</span>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          {fieldError('startDate') && <span className="field-error">{fieldError('startDate')}</span>}
        </label>
        <label className="field">
          <span>Days</span>
          <input
            type="number"
            min={7}
            max={90}
            value={durationDays}
            onChange={(e) => setDuration(Number(e.target.value))}
          />
          {fieldError('durationDays') && <span className="field-error">{fieldError('durationDays')}</span>}
        </label>
      </div>
      <p className="small muted">
        The 28 days before the start are the baseline. At the end you see the change in the outcome you chose,
        with a likely range that allows for good and bad stretches; the others are shown as exploratory.
      </p>
      <button type="submit" className="button" disabled={create.isPending}>
        Start experiment
      </button>
      {create.isError && !(create.error instanceof ApiError && create.error.field) && (
        <Notice kind="error">{create.error.message}</Notice>
      )}
      {create.isSuccess && <Notice kind="success">Experiment started.</Notice>}
    </form>
  );
}

export default function InsightsExperiments({ today }: { today: string }) {
  const q = useQuery(experimentsQuery());
  return (
    <div className="experiments">
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.data && q.data.experiments.length === 0 && (
        <p className="insight-empty">No experiments yet. Start one from a suggestion above, or by hand.</p>
      )}
      {q.data && q.data.experiments.length > 0 && (
        <ul className="experiment-list">
          {q.data.experiments.map((e) => (
            <ExperimentItem key={e.id} e={e} today={today} />
          ))}
        </ul>
      )}
      <StartForm today={today} />
    </div>
  );
}
