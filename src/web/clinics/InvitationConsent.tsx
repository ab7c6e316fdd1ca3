/**
 * The consent screen an invitation link opens: which clinic, who invited you, exactly what its
 * staff would read and who they are today, what joining means and how to leave — then Accept or
 * Decline. Nothing is shared until Accept. A signed-out visitor is asked to sign in (or create an
 * account) with the invited email first, and comes back here.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { acceptInvitation } from '../../contract/clinics.ts';
import { callApi } from '../api.ts';
import { EmptyState, ErrorState, Loading, Notice } from '../components/States.tsx';
import { useSession } from '../session.tsx';
import { formatDate } from '../useToday.ts';
import { forgetInvitationToken, takeInvitationToken } from './invitationToken.ts';
import {
  type ConsentScreen,
  clinicsQuery,
  dueQuestionnairesQuery,
  invitationQuery,
  membershipsQuery,
} from './queries.ts';
import './clinics.css';

const HERE = '/clinic-invitation';
const ROLE_WORDS = { clinician: 'clinician', admin: 'clinic admin' } as const;

export default function InvitationConsent() {
  const { person, loading } = useSession();
  const [token, setToken] = useState(takeInvitationToken);
  // A second link opened in the same tab changes only the part after #: no page load, so read it.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.length > 1) setToken(takeInvitationToken());
  }, [hash]);
  return (
    <div className="cap-clinics consent">
      {loading ? (
        <Loading />
      ) : !token ? (
        <EmptyState title="This invitation link is not complete">
          Ask the clinic to send the link again, and open the whole link.
        </EmptyState>
      ) : !person ? (
        <section className="card">
          <p className="eyebrow">Invitation to a clinic</p>
          <h1>Sign in to see this invitation</h1>
          <p>
            Use the account with the email address the invitation was sent to. You will come straight back
            here and see exactly what would be shared before you decide. Nothing is shared until you accept.
          </p>
          <div className="consent-actions">
            <Link className="button" to={`/login?next=${encodeURIComponent(HERE)}`}>
              Log in
            </Link>
            <Link className="button secondary" to={`/register?next=${encodeURIComponent(HERE)}`}>
              Create an account
            </Link>
          </div>
        </section>
      ) : (
        <Consent key={token} token={token} />
      )}
    </div>
  );
}

function Consent({ token }: { token: string }) {
  const clinician = useSession().person?.role === 'clinician';
  const preview = useQuery(invitationQuery(token));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [declined, setDeclined] = useState(false);
  const accept = useMutation({
    mutationFn: () =>
      callApi<typeof acceptInvitation>('POST /api/clinic-invitations/accept', { body: { token } }),
    onSuccess: async (res) => {
      forgetInvitationToken();
      // Not the invitation itself: it is used now, and asking again would answer 410.
      await qc.invalidateQueries({ queryKey: membershipsQuery().queryKey });
      await qc.invalidateQueries({ queryKey: dueQuestionnairesQuery().queryKey });
      await qc.invalidateQueries({ queryKey: clinicsQuery().queryKey });
      if (res.kind !== 'person') navigate(`/clinic/${res.clinic.id}`);
    },
  });
  if (accept.isSuccess && accept.data.kind === 'person')
    return (
      <section className="card" aria-live="polite">
        <h1>You now share with {accept.data.clinic.name}</h1>
        <p>
          Its clinicians can now read what was listed. Every reading shows in your access log, and you can
          leave at any time under <Link to="/data">Data &amp; sharing</Link>.
        </p>
      </section>
    );
  if (preview.isPending) return <Loading label="Opening the invitation…" />;
  if (preview.error) return <ErrorState error={preview.error} />;
  const inv = preview.data.invitation;
  if (declined)
    return (
      <section className="card" aria-live="polite">
        <h1>You declined</h1>
        <p>
          Nothing was shared with {inv.clinic.name}. The link still works until it expires if you change your
          mind.
        </p>
        <Link to="/today">Go to Today</Link>
      </section>
    );
  return (
    <article className="card consent-card" aria-labelledby="consent-title">
      <p className="eyebrow">Invitation from {inv.invitedBy}</p>
      <h1 id="consent-title">{title(inv)}</h1>
      {inv.kind === 'person' ? <PersonTerms inv={inv} /> : null}
      <h2 className="card-title">What joining means</h2>
      <ul className="consent-terms">
        {inv.terms.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className="small muted">
        Invitation for {inv.email}, open until {formatDate(inv.expiresAt.slice(0, 10))}.
      </p>
      {inv.kind !== 'person' && !clinician && (
        <Notice kind="info">
          First turn on “Make this a clinician account” under <Link to="/data">Data &amp; sharing</Link>, then
          come back to this page.
        </Notice>
      )}
      {accept.error && <Notice kind="error">{accept.error.message}</Notice>}
      <div className="consent-actions">
        <button className="button" type="button" disabled={accept.isPending} onClick={() => accept.mutate()}>
          {inv.kind === 'person' ? 'Accept and share' : 'Accept and join'}
        </button>
        <button
          className="button secondary"
          type="button"
          onClick={() => {
            forgetInvitationToken();
            setDeclined(true);
          }}
        >
          Decline
        </button>
      </div>
    </article>
  );
}

function title(inv: ConsentScreen): string {
  if (inv.kind === 'person') return `Share with ${inv.clinic.name}?`;
  return `Join ${inv.clinic.name} as ${inv.kind === 'admin' ? 'an admin' : 'a clinician'}?`;
}

function PersonTerms({ inv }: { inv: ConsentScreen }) {
  return (
    <>
      <h2 className="card-title">What {inv.clinic.name} will be able to read</h2>
      <ul className="consent-shares" aria-label="What is shared">
        {inv.shares.map((s) => (
          <li key={s.kind}>{s.label}</li>
        ))}
      </ul>
      <h2 className="card-title">Who can read it today</h2>
      {inv.clinicians.length === 0 ? (
        <p className="muted">No clinicians yet.</p>
      ) : (
        <ul className="consent-people">
          {inv.clinicians.map((c) => (
            <li key={`${c.name}-${c.role}`}>
              {c.name} <span className="muted small">({ROLE_WORDS[c.role]})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
