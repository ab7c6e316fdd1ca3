/**
 * Today: the daily check-in. Every field is optional; saving again for the same date updates it.
 * `?date=YYYY-MM-DD` opens a past day for editing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Checkin, NOTE_MAX } from '../../core/checkin/checkin.ts';
import { isLocalDate } from '../../core/dates.ts';
import { ApiError, api } from '../api.ts';
import { BristolPicker } from '../components/BristolPicker.tsx';
import { ScalePicker } from '../components/ScalePicker.tsx';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { TodayGoals } from '../components/TodayGoals.tsx';
import { pendingBody, sendOrQueue } from '../offline/queue.ts';
import { usePerson } from '../session.tsx';
import { formatDate, useToday } from '../useToday.ts';

type Draft = Partial<Record<keyof Checkin, number | string>>;

interface DayAnswer {
  date: string;
  checkin: Checkin;
  derived: { sleepHours?: number; energyAverage?: number; gutComfort?: number };
  /** Saved on this device while offline and not yet synced. */
  queued?: boolean;
}

/** The offline queue's key for a day's check-in: a later save of the same day replaces it. */
const checkinKey = (date: string) => `checkin:${date}`;

const SCALES_MIND: [keyof Checkin, string, [string, string]][] = [
  ['focus', 'Focus', ['scattered', 'sharp']],
  ['lifeSatisfaction', 'Life satisfaction', ['not at all', 'completely']],
  ['stress', 'Stress', ['calm', 'very stressed']],
];
const SCALES_ENERGY: [keyof Checkin, string][] = [
  ['energyMorning', 'Morning'],
  ['energyMidday', 'Midday'],
  ['energyEvening', 'Evening'],
];

/** Turns the form's draft into the API body: empty strings dropped, sleep hours as a number. */
function toBody(draft: Draft): Record<string, number | string> {
  const body: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(draft)) {
    if (v === undefined || v === '') continue;
    body[k] = k === 'sleepHours' ? Number(v) : v;
  }
  return body;
}

export default function Today() {
  const person = usePerson();
  const today = useToday();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get('date');
  const date = asked && isLocalDate(asked) && asked <= today ? asked : today;
  const qc = useQueryClient();

  const day = useQuery({
    queryKey: ['checkin', date],
    // 'always': offline, the query still runs and answers the queued day or an empty form.
    networkMode: 'always',
    queryFn: async (): Promise<DayAnswer | null> => {
      // A check-in saved offline and not yet synced is newer than anything the server has.
      const queued = pendingBody(person.id, checkinKey(date));
      if (queued) return { date, checkin: queued as Checkin, derived: {}, queued: true };
      try {
        return await api.get<DayAnswer>(`/api/checkins/${date}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        // Offline with nothing queued: an empty form; saving keeps it on this device.
        if (e instanceof ApiError && e.status === 0) return null;
        throw e;
      }
    },
  });

  const [draft, setDraft] = useState<Draft>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [savedOffline, setSavedOffline] = useState(false);
  useEffect(() => {
    if (day.data !== undefined) setDraft({ ...(day.data?.checkin ?? {}) });
  }, [day.data]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a different day clears the saved notice
  useEffect(() => setSavedAt(null), [date]);

  const set = (field: keyof Checkin) => (value: number | string | undefined) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSavedAt(null);
  };

  const save = useMutation({
    networkMode: 'always',
    mutationFn: () =>
      sendOrQueue<DayAnswer>(person.id, {
        method: 'PUT',
        path: `/api/checkins/${date}`,
        body: toBody(draft),
        key: checkinKey(date),
        label: `Check-in · ${formatDate(date)}`,
      }),
    onSuccess: (outcome) => {
      const saved: DayAnswer = outcome.queued
        ? { date, checkin: outcome.write.body as Checkin, derived: {}, queued: true }
        : outcome.answer;
      qc.setQueryData(['checkin', date], saved);
      qc.invalidateQueries({ queryKey: ['checkins'] });
      // The server re-checks the low-mood diary rule at every save; the shell shows its prompt.
      qc.invalidateQueries({ queryKey: ['safety'] });
      setSavedOffline(outcome.queued);
      setSavedAt(new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.send<void>('DELETE', `/api/checkins/${date}`),
    onSuccess: () => {
      qc.setQueryData(['checkin', date], null);
      qc.invalidateQueries({ queryKey: ['checkins'] });
      setDraft({});
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  if (day.isPending) return <Loading label="Loading your day…" />;
  if (day.isError) return <ErrorState error={day.error} onRetry={() => day.refetch()} />;

  const isToday = date === today;
  const empty = Object.keys(toBody(draft)).length === 0;
  const err = save.error instanceof ApiError ? save.error : undefined;
  const num = (k: keyof Checkin) => (typeof draft[k] === 'number' ? (draft[k] as number) : undefined);
  const text = (k: keyof Checkin) => (typeof draft[k] === 'string' ? (draft[k] as string) : '');

  return (
    <div className="today">
      <header className="page-head">
        <div>
          <p className="eyebrow">{isToday ? `Hello, ${person.displayName}` : 'Editing a past day'}</p>
          <h1>{isToday ? 'Today’s check-in' : formatDate(date)}</h1>
          <p className="muted">Every field is optional — fill in what you like and save.</p>
        </div>
        <label className="date-pick">
          <span className="muted small">Day</span>
          <input
            type="date"
            value={date}
            max={today}
            onChange={(e) =>
              navigate(
                e.target.value && e.target.value !== today ? `/today?date=${e.target.value}` : '/today',
              )
            }
          />
        </label>
      </header>

      <form className="checkin" onSubmit={submit} noValidate>
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
          {SCALES_ENERGY.map(([k, label]) => (
            <ScalePicker key={k} label={label} min={1} max={10} value={num(k)} onChange={set(k)} />
          ))}
        </section>

        <section className="card">
          <h2 className="card-title">Mind</h2>
          {SCALES_MIND.map(([k, label, ends]) => (
            <ScalePicker
              key={k}
              label={label}
              min={1}
              max={10}
              value={num(k)}
              onChange={set(k)}
              ends={ends}
            />
          ))}
        </section>

        <section className="card">
          <h2 className="card-title">Sleep</h2>
          <div className="row-3">
            <label className="field">
              <span>Hours slept</span>
              <input
                type="number"
                inputMode="decimal"
                min={0}
                max={24}
                step={0.25}
                value={draft.sleepHours ?? ''}
                onChange={(e) => set('sleepHours')(e.target.value === '' ? undefined : e.target.value)}
              />
            </label>
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
          </div>
          <ScalePicker
            label="Sleep quality"
            min={1}
            max={10}
            value={num('sleepQuality')}
            onChange={set('sleepQuality')}
            ends={['poor', 'great']}
          />
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
          <BristolPicker value={num('bristol')} onChange={set('bristol')} />
        </section>

        <section className="card">
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
        </section>

        <div className="save-bar">
          {err && <Notice kind="error">{err.message}</Notice>}
          {savedAt && !savedOffline && <Notice kind="success">Saved at {savedAt}.</Notice>}
          {savedAt && savedOffline && (
            <Notice kind="info">Saved offline at {savedAt} — it will sync when you are back online.</Notice>
          )}
          {!savedAt && day.data?.queued && (
            <Notice kind="info">This day was saved offline and is waiting to sync.</Notice>
          )}
          <div className="save-actions">
            {day.data && !day.data.queued && (
              <button
                type="button"
                className="button danger-quiet"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the check-in for ${formatDate(date)}?`)) remove.mutate();
                }}
              >
                Delete day
              </button>
            )}
            <button type="submit" className="button" disabled={save.isPending || empty}>
              {save.isPending ? 'Saving…' : day.data ? 'Save changes' : 'Save check-in'}
            </button>
          </div>
          {empty && !day.data && <p className="muted small">Fill in at least one field to save.</p>}
        </div>
      </form>
      {/* TODAY: capabilities add panels below this line. */}
      <TodayGoals date={date} />
      <p className="muted small center">
        <Link to="/history">See your history</Link>
      </p>
    </div>
  );
}
