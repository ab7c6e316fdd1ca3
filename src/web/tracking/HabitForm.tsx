/**
 * The day's habits in one form (saving replaces the day's habits, like the check-in). Sunlight
 * shows whether it began within 2 hours of the wake time from the check-in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { getHabitDay } from '../../contract/habits.ts';
import { MOVEMENT_KINDS } from '../../core/habits/habits.ts';
import { ApiError, callApi } from '../api.ts';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { pendingBody, sendOrQueue } from '../offline/queue.ts';
import { usePerson } from '../session.tsx';
import { GOAL_KEYS, type HabitDay } from './types.ts';

interface Draft {
  sunMinutes: string;
  sunStart: string;
  moveMinutes: string;
  moveKind: string;
  meditation: string;
  breathing: string;
  nature: string;
  fastingHours: string;
  gratitude: [string, string, string];
  conversation: boolean;
  helping: boolean;
  laughter: boolean;
  creative: boolean;
  coldExposure: boolean;
}

const EMPTY: Draft = {
  sunMinutes: '',
  sunStart: '',
  moveMinutes: '',
  moveKind: '',
  meditation: '',
  breathing: '',
  nature: '',
  fastingHours: '',
  gratitude: ['', '', ''],
  conversation: false,
  helping: false,
  laughter: false,
  creative: false,
  coldExposure: false,
};

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

function fromDay(d: HabitDay): Draft {
  const h = d.habits;
  const g = h.gratitude ?? [];
  return {
    sunMinutes: str(h.morningSunlight?.minutes),
    sunStart: h.morningSunlight?.startTime ?? '',
    moveMinutes: str(h.movement?.minutes),
    moveKind: h.movement?.kind ?? '',
    meditation: str(h.meditation),
    breathing: str(h.breathing),
    nature: str(h.nature),
    fastingHours: str(h.fastingHours),
    gratitude: [g[0] ?? '', g[1] ?? '', g[2] ?? ''],
    conversation: h.conversation === true,
    helping: h.helping === true,
    laughter: h.laughter === true,
    creative: h.creative === true,
    coldExposure: h.coldExposure === true,
  };
}

function toBody(d: Draft): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  if (num(d.sunMinutes) !== undefined)
    b.morningSunlight = { minutes: num(d.sunMinutes), ...(d.sunStart ? { startTime: d.sunStart } : {}) };
  if (num(d.moveMinutes) !== undefined)
    b.movement = { minutes: num(d.moveMinutes), ...(d.moveKind ? { kind: d.moveKind } : {}) };
  for (const k of ['meditation', 'breathing', 'nature', 'fastingHours'] as const)
    if (num(d[k]) !== undefined) b[k] = num(d[k]);
  const g = d.gratitude.map((x) => x.trim()).filter(Boolean);
  if (g.length) b.gratitude = g;
  for (const k of ['conversation', 'helping', 'laughter', 'creative', 'coldExposure'] as const)
    if (d[k]) b[k] = true;
  return b;
}

const YES_NO: [keyof Draft, string][] = [
  ['conversation', 'A meaningful conversation'],
  ['helping', 'Helped someone'],
  ['laughter', 'Laughed'],
  ['creative', 'Something creative'],
  ['coldExposure', 'Cold exposure (a cold shower)'],
];

export function HabitForm({ date }: { date: string }) {
  const qc = useQueryClient();
  const person = usePerson();
  const [savedOffline, setSavedOffline] = useState(false);
  const day = useQuery({
    queryKey: ['habits', date],
    networkMode: 'always',
    queryFn: async () => {
      // Habits saved offline and not yet synced are newer than the server's; offline, start empty.
      const queued = pendingBody(person.id, `habits:${date}`);
      const offlineDay = (habits: Record<string, unknown>): HabitDay =>
        ({ date, habits, wakeTimeLogged: false, sunlightWithinTwoHoursOfWaking: null }) as HabitDay;
      if (queued) return offlineDay(queued);
      try {
        return await callApi<typeof getHabitDay>('GET /api/habits/:date', { params: { date } });
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) return offlineDay({});
        throw e;
      }
    },
  });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (day.data) setDraft(fromDay(day.data));
  }, [day.data]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSaved(false);
  };
  const save = useMutation({
    networkMode: 'always',
    mutationFn: () =>
      sendOrQueue<HabitDay>(person.id, {
        method: 'PUT',
        path: `/api/habits/${date}`,
        body: toBody(draft),
        key: `habits:${date}`,
        label: `Habits · ${date}`,
      }),
    onSuccess: (res) => {
      setSavedOffline(res.queued);
      if (!res.queued) qc.setQueryData(['habits', date], res.answer);
      for (const key of GOAL_KEYS) qc.invalidateQueries({ queryKey: [...key] });
      setSaved(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (day.isPending) return <Loading label="Loading habits…" />;
  if (day.isError) return <ErrorState error={day.error} onRetry={() => day.refetch()} />;
  const err = save.error instanceof ApiError ? save.error : undefined;
  const invalid = (field: string) => (err?.field?.startsWith(field) ? true : undefined);
  const minutes = (
    label: string,
    k: 'sunMinutes' | 'moveMinutes' | 'meditation' | 'breathing' | 'nature',
    field: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={1440}
        step={1}
        value={draft[k]}
        aria-invalid={invalid(field)}
        onChange={(e) => set(k, e.target.value)}
      />
    </label>
  );
  const within = day.data.sunlightWithinTwoHoursOfWaking;

  return (
    <form className="card habit-form" onSubmit={submit} noValidate aria-labelledby="habits-title">
      <h2 id="habits-title" className="card-title">
        Habits
      </h2>
      <div className="row-2">
        {minutes('Morning sunlight (minutes)', 'sunMinutes', 'morningSunlight')}
        <label className="field">
          <span>Sunlight started</span>
          <input type="time" value={draft.sunStart} onChange={(e) => set('sunStart', e.target.value)} />
        </label>
      </div>
      {draft.sunMinutes && (
        <p className="muted small">
          {within === true && 'Within 2 hours of waking ✓'}
          {within === false && 'More than 2 hours after waking.'}
          {within === null && !day.data.wakeTimeLogged && (
            <>
              Add your wake time in the <Link to={`/today?date=${date}`}>check-in</Link> to see whether this
              was within 2 hours of waking.
            </>
          )}
        </p>
      )}
      <div className="row-2">
        {minutes('Movement (minutes)', 'moveMinutes', 'movement')}
        <label className="field">
          <span>Kind of movement</span>
          <select value={draft.moveKind} onChange={(e) => set('moveKind', e.target.value)}>
            <option value="">Any</option>
            {MOVEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row-3">
        {minutes('Meditation (min)', 'meditation', 'meditation')}
        {minutes('Breathing (min)', 'breathing', 'breathing')}
        {minutes('Nature (min)', 'nature', 'nature')}
      </div>
      <fieldset className="checks">
        <legend>Today I…</legend>
        {YES_NO.map(([k, label]) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={draft[k] as boolean}
              onChange={(e) => set(k, e.target.checked as Draft[typeof k])}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="gratitude">
        <legend>Three things I’m grateful for</legend>
        {draft.gratitude.map((g, i) => (
          <input
            // biome-ignore lint/suspicious/noArrayIndexKey: the three slots are fixed positions
            key={i}
            aria-label={`Gratitude ${i + 1}`}
            value={g}
            maxLength={200}
            onChange={(e) => {
              const next = [...draft.gratitude] as Draft['gratitude'];
              next[i] = e.target.value;
              set('gratitude', next);
            }}
          />
        ))}
      </fieldset>
      <label className="field fasting">
        <span>Fasting window (hours)</span>
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={24}
          step={0.5}
          value={draft.fastingHours}
          aria-invalid={invalid('fastingHours')}
          onChange={(e) => set('fastingHours', e.target.value)}
        />
        <small className="muted">
          Only with professional advice if you are pregnant, diabetic or have had an eating disorder.
        </small>
      </label>
      <div className="save-bar">
        {err && <Notice kind="error">{err.message}</Notice>}
        {saved && !savedOffline && <Notice kind="success">Habits saved.</Notice>}
        {saved && savedOffline && (
          <Notice kind="info">Habits saved offline — they will sync when you are back online.</Notice>
        )}
        <div className="save-actions">
          <button
            type="submit"
            className="button"
            disabled={save.isPending || Object.keys(toBody(draft)).length === 0}
          >
            {save.isPending ? 'Saving…' : 'Save habits'}
          </button>
        </div>
      </div>
    </form>
  );
}
