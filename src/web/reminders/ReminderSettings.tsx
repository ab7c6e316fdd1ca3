/**
 * Settings → Reminders: a daily check-in reminder at a chosen time, questionnaires every two weeks
 * and program nudges, each off until switched on; saved on the server for this person. Whether
 * they also arrive on this device as notifications (Web Push) is DevicePush's part.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { ReminderSettings as Settings } from '../../core/reminders/reminders.ts';
import { ApiError } from '../api.ts';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { DevicePush } from './DevicePush.tsx';
import { dueRemindersQuery, reminderSettingsQuery, saveReminderSettings } from './queries.ts';

const anyOn = (s: Settings) => s.checkin.enabled || s.questionnaire.enabled || s.program.enabled;

function Switch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="switch-row">
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        <span className="switch-label">{label}</span>
        <span className="muted small switch-hint">{hint}</span>
      </span>
      <span className="switch-state" aria-hidden="true">
        {checked ? 'On' : 'Off'}
      </span>
    </label>
  );
}

export function ReminderSettings() {
  const qc = useQueryClient();
  const q = useQuery(reminderSettingsQuery());
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (q.data) setDraft(q.data.settings);
  }, [q.data]);
  const save = useMutation({
    mutationFn: (s: Settings) => saveReminderSettings(s),
    onSuccess: (res) => {
      qc.setQueryData(reminderSettingsQuery().queryKey, res);
      qc.invalidateQueries({ queryKey: dueRemindersQuery().queryKey });
    },
  });

  if (q.isPending) return <Loading label="Loading reminders…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!draft) return null;

  const err = save.error instanceof ApiError ? save.error : undefined;
  const update = (next: Settings) => {
    setDraft(next);
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="card form reminders" onSubmit={submit} aria-labelledby="reminders-title">
      <h2 id="reminders-title" className="card-title">
        Reminders
      </h2>
      <p className="muted small">All reminders are off until you turn them on.</p>
      <Switch
        label="Daily check-in"
        hint="On days you have not checked in yet."
        checked={draft.checkin.enabled}
        onChange={(on) => update({ ...draft, checkin: { ...draft.checkin, enabled: on } })}
      />
      {draft.checkin.enabled && (
        <label className="field reminder-time">
          <span>Check-in reminder time</span>
          <input
            type="time"
            required
            value={draft.checkin.time}
            aria-invalid={err?.field === 'checkin.time' ? true : undefined}
            onChange={(e) => update({ ...draft, checkin: { ...draft.checkin, time: e.target.value } })}
          />
        </label>
      )}
      <Switch
        label="Questionnaires every two weeks"
        hint="PHQ-9, GAD-7 and WHO-5 ask about the last two weeks."
        checked={draft.questionnaire.enabled}
        onChange={(on) => update({ ...draft, questionnaire: { enabled: on } })}
      />
      <Switch
        label="Program nudges"
        hint="When today’s goals in a program you follow are still open."
        checked={draft.program.enabled}
        onChange={(on) => update({ ...draft, program: { ...draft.program, enabled: on } })}
      />
      {draft.program.enabled && (
        <label className="field reminder-time">
          <span>Program nudge time</span>
          <input
            type="time"
            required
            value={draft.program.time}
            aria-invalid={err?.field === 'program.time' ? true : undefined}
            onChange={(e) => update({ ...draft, program: { ...draft.program, time: e.target.value } })}
          />
        </label>
      )}
      <DevicePush remindersOn={q.data ? anyOn(q.data.settings) : false} />
      {save.isSuccess && <Notice kind="success">Reminders saved.</Notice>}
      {err && <Notice kind="error">{err.message}</Notice>}
      <button type="submit" className="button" disabled={save.isPending}>
        Save reminders
      </button>
    </form>
  );
}
