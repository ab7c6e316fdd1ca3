/** Settings: profile and time zone, password, log out, delete the account and all its data. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { changePassword, deleteAccount, logOut, updateAccount } from '../../contract/auth.ts';
import { ApiError, callApi } from '../api.ts';
import { AppearanceSetting } from '../appearance/AppearanceSetting.tsx';
import { Field } from '../components/Field.tsx';
import { RegionSetting } from '../components/RegionSetting.tsx';
import { Notice } from '../components/States.tsx';
import { stopPushOnThisDevice } from '../reminders/push.ts';
import { ReminderSettings } from '../reminders/ReminderSettings.tsx';
import { usePerson, useSessionRefresh } from '../session.tsx';

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

function Profile() {
  const person = usePerson();
  const refresh = useSessionRefresh();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [timeZone, setTimeZone] = useState(person.timeZone);
  const zones = useMemo(() => timeZones(person.timeZone), [person.timeZone]);
  const save = useMutation({
    mutationFn: () =>
      callApi<typeof updateAccount>('PATCH /api/account', { body: { displayName, timeZone } }),
    onSuccess: (res) => refresh(res.person),
  });
  const err = save.error instanceof ApiError ? save.error : undefined;
  return (
    <form
      className="card form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="card-title">Profile</h2>
      <p className="muted small">Signed in as {person.email}</p>
      <Field
        label="Name to show"
        value={displayName}
        maxLength={80}
        error={err?.field === 'displayName' ? err.message : undefined}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <label className="field">
        <span>Time zone</span>
        <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <small className="muted">Your days start and end at midnight in this zone.</small>
      </label>
      {save.isSuccess && <Notice kind="success">Saved.</Notice>}
      {err && <Notice kind="error">{err.message}</Notice>}
      <button className="button" type="submit" disabled={save.isPending}>
        Save profile
      </button>
    </form>
  );
}

function Password() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () =>
      callApi<typeof changePassword>('POST /api/auth/password', { body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const err = change.error instanceof ApiError ? change.error : undefined;
  return (
    <form
      className="card form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <h2 className="card-title">Password</h2>
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        error={err?.field === 'currentPassword' ? err.message : undefined}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters. Other devices are logged out."
        value={newPassword}
        error={err?.field === 'newPassword' ? err.message : undefined}
        onChange={(e) => setNew(e.target.value)}
      />
      {change.isSuccess && (
        <Notice kind="success">Password changed. Other devices have been logged out.</Notice>
      )}
      {err && !err.field && <Notice kind="error">{err.message}</Notice>}
      <button
        className="button"
        type="submit"
        disabled={change.isPending || !currentPassword || newPassword.length < 8}
      >
        Change password
      </button>
    </form>
  );
}

function Danger() {
  const refresh = useSessionRefresh();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const logout = useMutation({
    // Reminders are the person's: this device stops receiving them when they log out.
    mutationFn: async () => {
      await stopPushOnThisDevice();
      return callApi<typeof logOut>('POST /api/auth/logout', {});
    },
    onSuccess: async () => {
      await refresh(null);
      navigate('/login', { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => callApi<typeof deleteAccount>('DELETE /api/account', { body: { password } }),
    onSuccess: async () => {
      // The server forgot the subscription with the account; the browser forgets it too.
      await stopPushOnThisDevice();
      await refresh(null);
      navigate('/register', { replace: true });
    },
  });
  const err = remove.error instanceof ApiError ? remove.error : undefined;
  return (
    <section className="card form">
      <h2 className="card-title">Session and account</h2>
      <button
        className="button secondary"
        type="button"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        Log out
      </button>
      {!confirming ? (
        <button className="button danger-quiet" type="button" onClick={() => setConfirming(true)}>
          Delete my account…
        </button>
      ) : (
        <form
          className="danger-zone"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <p>
            This deletes your account and <strong>every</strong> check-in and entry that belongs to it. It
            cannot be undone.
          </p>
          <Field
            label="Your password, to confirm"
            type="password"
            autoComplete="current-password"
            value={password}
            error={err?.field === 'password' ? err.message : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="save-actions">
            <button className="button secondary" type="button" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
            <button className="button danger" type="submit" disabled={!password || remove.isPending}>
              Delete everything
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export default function Settings() {
  return (
    <div className="settings">
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <Profile />
      {/* SETTINGS: capabilities add sections below this line. */}
      <AppearanceSetting />
      <RegionSetting />
      <ReminderSettings />
      <Password />
      <Danger />
    </div>
  );
}
