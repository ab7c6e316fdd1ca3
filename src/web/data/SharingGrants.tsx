/**
 * Share with a clinician or coach: grant read access (all kinds or some, until a date or until you
 * revoke), see every grant and revoke one at once, read who looked at what, and answer programs a
 * clinician assigned.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import {
  accessLogQuery,
  answerSuggestedProgram,
  assignmentsQuery,
  grantAccess,
  grantsQuery,
  revokeGrant,
  SHARING,
  type ShareKindId,
  shareKindsQuery,
} from './queries.ts';

export function SharingGrants() {
  const qc = useQueryClient();
  const kinds = useQuery(shareKindsQuery());
  const grants = useQuery(grantsQuery());
  const log = useQuery(accessLogQuery());
  const assignments = useQuery(assignmentsQuery());
  const refresh = () => qc.invalidateQueries({ queryKey: SHARING });

  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<ShareKindId[]>([]);
  const [untilDate, setUntil] = useState('');
  const grant = useMutation({
    mutationFn: () =>
      grantAccess({
        clinicianEmail: email,
        ...(chosen.length ? { kinds: chosen } : {}),
        ...(untilDate ? { untilDate } : {}),
      }),
    onSuccess: () => {
      setEmail('');
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeGrant, onSuccess: refresh });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      answerSuggestedProgram(id, accept ? 'accept' : 'decline'),
    onSuccess: refresh,
  });
  const err = grant.error instanceof ApiError ? grant.error : undefined;

  return (
    <section className="card" aria-labelledby="share-title">
      <h2 className="card-title" id="share-title">
        Share with a clinician or coach
      </h2>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          grant.mutate();
        }}
      >
        <Field
          label="Their Gutbrain email"
          type="email"
          value={email}
          hint="They need a clinician account on this server."
          error={err?.field === 'clinicianEmail' ? err.message : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <fieldset className="share-kinds">
          <legend>What they may read (none ticked: everything)</legend>
          {kinds.data?.kinds.map((k) => (
            <label key={k.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(k.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, k.id] : chosen.filter((c) => c !== k.id))
                }
              />
              {k.label}
            </label>
          ))}
        </fieldset>
        <Field
          label="Until (optional)"
          type="date"
          value={untilDate}
          error={err?.field === 'untilDate' ? err.message : undefined}
          onChange={(e) => setUntil(e.target.value)}
        />
        {err && !err.field?.startsWith('clinicianEmail') && err.field !== 'untilDate' && (
          <Notice kind="error">{err.message}</Notice>
        )}
        <button className="button" type="submit" disabled={!email || grant.isPending}>
          Share
        </button>
      </form>

      <h3>Who can read your data</h3>
      {grants.isPending ? (
        <Loading />
      ) : grants.error ? (
        <ErrorState error={grants.error} />
      ) : grants.data.grants.filter((g) => g.live).length === 0 ? (
        <p className="muted">Nobody.</p>
      ) : (
        <ul className="row-list">
          {grants.data.grants
            .filter((g) => g.live)
            .map((g) => (
              <li key={g.id} className="row-item">
                <div>
                  <strong>{g.clinician.name}</strong> <span className="muted small">{g.clinician.email}</span>
                  <div className="small">
                    {g.kinds ? g.kinds.join(', ') : 'everything'}
                    {g.untilDate ? ` · until ${g.untilDate}` : ' · until you revoke'}
                  </div>
                </div>
                <button className="button secondary" type="button" onClick={() => revoke.mutate(g.id)}>
                  Revoke
                </button>
              </li>
            ))}
        </ul>
      )}

      {(assignments.data?.assignments.length ?? 0) > 0 && (
        <>
          <h3>Programs suggested to you</h3>
          <ul className="row-list">
            {assignments.data?.assignments.map((a) => (
              <li key={a.id} className="row-item">
                <div>
                  <strong>{a.programTitle}</strong>{' '}
                  <span className="muted small">from {a.clinicianName}</span>
                  {a.note && <div className="small">{a.note}</div>}
                </div>
                {a.status === 'pending' ? (
                  <span>
                    <button
                      className="button"
                      type="button"
                      onClick={() => answer.mutate({ id: a.id, accept: true })}
                    >
                      Start it
                    </button>{' '}
                    <button
                      className="button secondary"
                      type="button"
                      onClick={() => answer.mutate({ id: a.id, accept: false })}
                    >
                      No thanks
                    </button>
                  </span>
                ) : (
                  <span className="chip">{a.status}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Access log</h3>
      {log.data && log.data.entries.length === 0 && <p className="muted">No clinician has read your data.</p>}
      <ul className="small access-log">
        {log.data?.entries.map((e) => (
          <li key={e.id}>
            {new Date(e.readAt).toLocaleString()} — {e.clinicianName} read your {e.what}
          </li>
        ))}
      </ul>
    </section>
  );
}
