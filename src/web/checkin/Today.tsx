/**
 * Today: the daily check-in. Every field is optional; saving again for the same date updates it.
 * `?date=YYYY-MM-DD` opens a past day for editing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { deleteCheckin, getCheckin } from '../../contract/checkins.ts';
import type { Checkin } from '../../core/checkin/checkin.ts';
import { isLocalDate } from '../../core/dates.ts';
import { ApiError, callApi } from '../api.ts';
import { FirstRunTour } from '../components/FirstRunTour.tsx';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { TodayGoals } from '../components/TodayGoals.tsx';
import { DeviceValues } from '../days/DeviceValues.tsx';
import { hasOwnCheckin, type DayAnswer as ServerDay } from '../days/days.ts';
import { ImportedPanel } from '../days/ImportedChips.tsx';
import { pendingBody, sendOrQueue } from '../offline/queue.ts';
import { ReminderBanner } from '../reminders/ReminderBanner.tsx';
import { usePerson } from '../session.tsx';
import { formatDate, useToday } from '../useToday.ts';
import { sleepFromDevice } from '../wearables/device-sleep.ts';
import { deviceDayQuery } from '../wearables/queries.ts';
import { CheckinFields, type Draft } from './CheckinFields.tsx';
import { slowFieldsFromRecent, timesFromRecent } from './prefill.ts';
import { weekBeforeQuery } from './queries.ts';

interface DayAnswer extends ServerDay {
  /** Saved on this device while offline and not yet synced. */
  queued?: boolean;
}

/** The offline queue's key for a day's check-in: a later save of the same day replaces it. */
const checkinKey = (date: string) => `checkin:${date}`;

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
        return await callApi<typeof getCheckin>('GET /api/checkins/:date', { params: { date } });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        // Offline with nothing queued: an empty form; saving keeps it on this device.
        if (e instanceof ApiError && e.status === 0) return null;
        throw e;
      }
    },
  });

  // The last week before this day: bedtime and wake time to pre-fill, "same as yesterday".
  const recent = useQuery(weekBeforeQuery(date));

  const [draft, setDraft] = useState<Draft>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [savedOffline, setSavedOffline] = useState(false);
  const [timesFrom, setTimesFrom] = useState<string>();
  const [sleepFrom, setSleepFrom] = useState<string>();
  const own = day.data ? hasOwnCheckin(day.data) : false;
  // The night a watch or phone recorded (an imported Apple Health export, say).
  const device = useQuery({ ...deviceDayQuery(date), enabled: !day.data?.queued });
  useEffect(() => {
    if (day.data !== undefined) setDraft({ ...(day.data?.checkin ?? {}) });
    setTimesFrom(undefined);
    setSleepFrom(undefined);
  }, [day.data]);
  // A day whose sleep was not typed yet takes the device's night: hours, bedtime and wake time.
  useEffect(() => {
    if (day.data === undefined || !device.data) return;
    const sleep = sleepFromDevice(device.data.values);
    const typed = day.data?.checkin;
    if (!sleep || typed?.sleepHours !== undefined || typed?.bedtime || typed?.wakeTime) return;
    setDraft((d) => ({ ...d, ...sleep.values }));
    setSleepFrom(sleep.from);
    setTimesFrom(undefined);
  }, [day.data, device.data]);
  // A day not checked in yet starts with the usual times, so the everyday check-in needs no typing.
  useEffect(() => {
    if (day.data === undefined || own || !recent.data || sleepFrom) return;
    const times = timesFromRecent(recent.data.days, date);
    if (!times) return;
    setDraft((d) => (d.bedtime || d.wakeTime ? d : { ...times.values, ...d }));
    setTimesFrom(formatDate(times.from, { year: undefined }));
  }, [day.data, own, recent.data, date, sleepFrom]);
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
    mutationFn: () => callApi<typeof deleteCheckin>('DELETE /api/checkins/:date', { params: { date } }),
    onSuccess: () => {
      // Imported values of the day, if any, stay: read the day again.
      qc.invalidateQueries({ queryKey: ['checkin', date] });
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
  const slow = recent.data ? slowFieldsFromRecent(recent.data.days, date) : undefined;

  return (
    <div className="cap-checkin today">
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

      {day.data?.imported && <ImportedPanel imported={day.data.imported} hasOwn={own} />}
      {device.data && device.data.values.length > 0 && (
        <section className="card device-panel" aria-labelledby="device-panel-title">
          <h2 id="device-panel-title" className="card-title">
            From your phone or watch
          </h2>
          <DeviceValues values={device.data.values} />
          <p className="muted small">
            Read-only, as the export recorded them. Your own check-in below counts first wherever the two
            differ.
          </p>
        </section>
      )}

      <form className="checkin" onSubmit={submit} noValidate>
        {slow && (
          <div className="same-as">
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setDraft((d) => ({ ...d, ...slow.values }));
                setSavedAt(null);
              }}
            >
              {slow.yesterday ? 'Same as yesterday' : `Same as ${formatDate(slow.from, { year: undefined })}`}
            </button>
            <span className="muted small">for sleep times, life satisfaction and gut</span>
          </div>
        )}
        <CheckinFields draft={draft} set={set} timesFrom={timesFrom} sleepFrom={sleepFrom} />

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
            {own && !day.data?.queued && (
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
              {save.isPending ? 'Saving…' : own ? 'Save changes' : 'Save check-in'}
            </button>
          </div>
          {empty && !own && <p className="muted small">Fill in at least one field to save.</p>}
        </div>
      </form>
      {/* Below the form, so on a new device the check-in is still on the first screen. */}
      {/* The check-in reminder is this very page: only the others show. */}
      <ReminderBanner personId={person.id} hide="checkin" />
      <FirstRunTour personId={person.id} />
      {/* TODAY: capabilities add panels below this line. */}
      <TodayGoals date={date} />
      <p className="muted small center">
        <Link to="/history">See your history</Link>
      </p>
    </div>
  );
}
