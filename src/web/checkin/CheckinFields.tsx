/**
 * The check-in's fields, in the order of the everyday check-in: mood, the three energies, sleep,
 * focus and stress, gut — each one tap — then the less frequent ones (stool type, note) folded away.
 */
import type { Checkin } from '../../core/checkin/checkin.ts';
import { NOTE_MAX } from '../../core/checkin/limits.ts';
import { BristolPicker } from '../components/BristolPicker.tsx';
import { ScalePicker } from '../components/ScalePicker.tsx';
import './checkin.css';

export type Draft = Partial<Record<keyof Checkin, number | string>>;

const ENERGY: [keyof Checkin, string][] = [
  ['energyMorning', 'Morning'],
  ['energyMidday', 'Midday'],
  ['energyEvening', 'Evening'],
];
const MIND: [keyof Checkin, string, [string, string]][] = [
  ['focus', 'Focus', ['scattered', 'sharp']],
  ['stress', 'Stress', ['calm', 'very stressed']],
  ['lifeSatisfaction', 'Life satisfaction', ['not at all', 'completely']],
];

interface Props {
  draft: Draft;
  set: (field: keyof Checkin) => (value: number | string | undefined) => void;
  /** The date the pre-filled times came from, when they were pre-filled. */
  timesFrom?: string;
  /** The watch or app the pre-filled night came from ("Ana’s Apple Watch"), when it did. */
  sleepFrom?: string;
}

export function CheckinFields({ draft, set, timesFrom, sleepFrom }: Props) {
  const num = (k: keyof Checkin) => (typeof draft[k] === 'number' ? (draft[k] as number) : undefined);
  const text = (k: keyof Checkin) => (typeof draft[k] === 'string' ? (draft[k] as string) : '');
  return (
    <>
      <section className="card">
        <ScalePicker
          label="Mood"
          min={1}
          max={10}
          value={num('mood')}
          onChange={set('mood')}
          ends={['very low', 'excellent']}
        />
      </section>

      <section className="card">
        <h2 className="card-title">Energy through the day</h2>
        {ENERGY.map(([k, label]) => (
          <ScalePicker key={k} label={label} min={1} max={10} value={num(k)} onChange={set(k)} />
        ))}
      </section>

      <section className="card">
        <h2 className="card-title">Sleep</h2>
        <ScalePicker
          label="Sleep quality"
          min={1}
          max={10}
          value={num('sleepQuality')}
          onChange={set('sleepQuality')}
          ends={['poor', 'great']}
        />
        <div className="sleep-times">
          <label className="field">
            <span>Bedtime</span>
            <input
              type="time"
              value={text('bedtime')}
              onChange={(e) => set('bedtime')(e.target.value || undefined)}
            />
          </label>
          <label className="field">
            <span>Wake time</span>
            <input
              type="time"
              value={text('wakeTime')}
              onChange={(e) => set('wakeTime')(e.target.value || undefined)}
            />
          </label>
          <label className="field">
            <span>Hours slept</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={24}
              step={0.25}
              placeholder="from the times"
              value={draft.sleepHours ?? ''}
              onChange={(e) => set('sleepHours')(e.target.value === '' ? undefined : e.target.value)}
            />
          </label>
        </div>
        {sleepFrom && (
          <p className="muted small prefill-note device-note">
            Sleep filled in from {sleepFrom}. Change any of it if it is not how your night went; what you save
            is yours.
          </p>
        )}
        {timesFrom && !sleepFrom && (
          <p className="muted small prefill-note">
            Times filled in from your last check-in ({timesFrom}): change them only if last night was
            different.
          </p>
        )}
      </section>

      <section className="card">
        <h2 className="card-title">Mind</h2>
        {MIND.map(([k, label, ends]) => (
          <ScalePicker key={k} label={label} min={1} max={10} value={num(k)} onChange={set(k)} ends={ends} />
        ))}
      </section>

      <section className="card">
        <h2 className="card-title">Gut</h2>
        <ScalePicker
          label="Bloating"
          min={0}
          max={10}
          value={num('bloating')}
          onChange={set('bloating')}
          ends={['none', 'severe']}
        />
        <ScalePicker
          label="Abdominal pain"
          min={0}
          max={10}
          value={num('abdominalPain')}
          onChange={set('abdominalPain')}
          ends={['none', 'severe']}
        />
      </section>

      <details className="card checkin-more" open={num('bristol') !== undefined || text('note') !== ''}>
        <summary>Stool type and a note</summary>
        <BristolPicker value={num('bristol')} onChange={set('bristol')} />
        <label className="field">
          <span>Note</span>
          <textarea
            rows={3}
            maxLength={NOTE_MAX}
            value={text('note')}
            placeholder="Anything worth remembering about today?"
            onChange={(e) => set('note')(e.target.value)}
          />
          <small className="muted">
            {text('note').length} / {NOTE_MAX}
          </small>
        </label>
      </details>
    </>
  );
}
