/**
 * Invite by link: the email the invitation is for and what they join as; the answer is a link shown
 * once (only its hash is kept), to copy and send by the clinic's own channel.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { createInvitation } from '../../contract/clinics.ts';
import { ApiError, callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/States.tsx';
import { CLINICS } from './queries.ts';

type Kind = 'person' | 'clinician' | 'admin';

export function InviteByLink({ clinicId, admin }: { clinicId: string; admin: boolean }) {
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<Kind>('person');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const qc = useQueryClient();
  const invite = useMutation({
    mutationFn: () =>
      callApi<typeof createInvitation>('POST /api/clinician/clinics/:clinicId/invitations', {
        params: { clinicId },
        body: { kind, email },
      }),
    onSuccess: () => {
      setEmail('');
      setCopied(null);
      void qc.invalidateQueries({ queryKey: CLINICS });
    },
  });
  const link = invite.data ? `${window.location.origin}${invite.data.linkPath}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const err = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <section className="card" aria-labelledby="invite-title" id="invite">
      <h2 className="card-title" id="invite-title">
        Invite by link
      </h2>
      <form
        className="form invite-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Field
          label="Their email"
          type="email"
          value={email}
          autoComplete="off"
          hint="The link works only for the Gutbrain account with this email, once, for a limited time."
          error={err?.field === 'email' ? err.message : undefined}
          onChange={(e) => {
            setEmail(e.target.value);
            // A link shown for the last address goes as soon as a new one is typed: never sent to the wrong person.
            if (invite.data) invite.reset();
          }}
        />
        <label className="field">
          <span>They join as</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              if (invite.data) invite.reset();
            }}
          >
            <option value="person">A person who shares their data</option>
            {admin && <option value="clinician">A clinician</option>}
            {admin && <option value="admin">An admin (can invite and remove clinicians)</option>}
          </select>
        </label>
        {err && err.field !== 'email' && <Notice kind="error">{err.message}</Notice>}
        <div>
          <button className="button" type="submit" disabled={!email.trim() || invite.isPending}>
            Make the link
          </button>
        </div>
      </form>
      {invite.data && (
        <div className="invite-link" aria-live="polite">
          <p className="small">
            Send this link to <strong>{invite.data.invitation.email}</strong> yourself. It is shown only now.
          </p>
          <div className="copy-row">
            <label className="visually-hidden" htmlFor="invite-link">
              Invitation link
            </label>
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <button className="button" type="button" onClick={copy}>
              Copy link
            </button>
          </div>
          {copied === 'yes' && <Notice kind="success">Copied.</Notice>}
          {copied === 'no' && (
            <Notice kind="info">
              This browser did not allow copying: select the link and copy it by hand.
            </Notice>
          )}
        </div>
      )}
    </section>
  );
}
