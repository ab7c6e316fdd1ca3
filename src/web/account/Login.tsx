/** Log in with email and password. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { logIn } from '../../contract/auth.ts';
import { ApiError, callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/States.tsx';
import { safeNext } from '../safeNext.ts';
import { useSessionRefresh } from '../session.tsx';

export default function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const refresh = useSessionRefresh();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useMutation({
    mutationFn: () => callApi<typeof logIn>('POST /api/auth/login', { body: { email, password } }),
    onSuccess: async (res) => {
      await refresh(res.person);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const err = login.error instanceof ApiError ? login.error : undefined;
  return (
    <div className="auth">
      <h1>Welcome back</h1>
      <p className="muted">Log in to check in, see your history and follow your programs.</p>
      <form className="card form" onSubmit={submit} noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {login.error && <Notice kind="error">{err?.message ?? 'Could not log in.'}</Notice>}
        <button className="button" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="auth-alt">
        New to Gutbrain? <Link to="/register">Create an account</Link>
      </p>
    </div>
  );
}
