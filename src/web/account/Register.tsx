/**
 * Create an account: email, password (8–128 characters), display name, the country for the
 * support screen (pre-filled from the browser's languages, changeable in Settings and on every
 * support screen), and the browser's time zone.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { register as registerEndpoint } from '../../contract/auth.ts';
import { regionFromLocales } from '../../core/safety/locale.ts';
import { ApiError, callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { RegionPicker } from '../components/RegionSetting.tsx';
import { Notice } from '../components/States.tsx';
import { safeNext } from '../safeNext.ts';
import { safetyRegionsQuery, saveRegion } from '../safety/queries.ts';
import { useSessionRefresh } from '../session.tsx';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export default function Register() {
  const [form, setForm] = useState({ email: '', password: '', displayName: '' });
  const [country, setCountry] = useState(() =>
    regionFromLocales(typeof navigator === 'undefined' ? [] : navigator.languages),
  );
  const regions = useQuery(safetyRegionsQuery());
  const timeZone = browserTimeZone();
  const refresh = useSessionRefresh();
  const navigate = useNavigate();
  // An invitation link sends a new person back to its consent screen once the account exists.
  const [params] = useSearchParams();
  const register = useMutation({
    mutationFn: async () => {
      const res = await callApi<typeof registerEndpoint>('POST /api/auth/register', {
        body: { ...form, timeZone },
      });
      // The new session's first request: the country its support screens use. A failure here must
      // not lose the account; the support screen asks again when the country is not known.
      await saveRegion(country).catch(() => undefined);
      return res;
    },
    onSuccess: async (res) => {
      await refresh(res.person);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const err = register.error instanceof ApiError ? register.error : undefined;
  const fieldError = (f: string) => (err?.field === f ? err.message : undefined);
  const tooShort = form.password.length > 0 && form.password.length < 8;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  return (
    <div className="auth">
      <h1>Create your account</h1>
      <p className="muted">Your data stays on this server. You can export or delete it at any time.</p>
      <form className="card form" onSubmit={submit} noValidate>
        <Field
          label="Name to show"
          autoComplete="nickname"
          required
          maxLength={80}
          value={form.displayName}
          error={fieldError('displayName')}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          error={fieldError('email')}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          hint="8 to 128 characters. A short sentence is easy to remember."
          value={form.password}
          error={fieldError('password') ?? (tooShort ? 'At least 8 characters.' : undefined)}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        {regions.data && (
          <RegionPicker
            id="register-country"
            regions={regions.data.regions}
            value={country}
            onChange={setCountry}
            label="Country"
          />
        )}
        <p className="muted small">
          Used only to show the right crisis line and emergency number if you ever need them. Change it any
          time in Settings.
        </p>
        <p className="muted small">
          Time zone: <strong>{timeZone}</strong> (from this browser; change it later in Settings).
        </p>
        {err && !err.field && <Notice kind="error">{err.message}</Notice>}
        {err?.field && <Notice kind="error">{err.message}</Notice>}
        <button className="button" type="submit" disabled={register.isPending}>
          {register.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="auth-alt">
        Already have an account?{' '}
        <Link
          to={params.get('next') ? `/login?next=${encodeURIComponent(params.get('next') ?? '')}` : '/login'}
        >
          Log in
        </Link>
      </p>
    </div>
  );
}
