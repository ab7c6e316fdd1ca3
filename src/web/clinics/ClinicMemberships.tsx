/**
 * Data & sharing: the clinics the person shares with — what, with whom, the questionnaires they
 * set — and Leave, which ends every clinician's access there at once. Shown only once the person
 * has joined a clinic.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { leaveClinic } from '../../contract/clinics.ts';
import { INSTRUMENTS } from '../../core/screeners/instruments.ts';
import { callApi } from '../api.ts';
import { ErrorState, Notice } from '../components/States.tsx';
import { CLINICS, type Membership, membershipsQuery } from './queries.ts';
import { shortDate } from './words.ts';
import './clinics.css';

const ROLE = { admin: 'admin', clinician: 'clinician' } as const;

export function ClinicMemberships() {
  const q = useQuery(membershipsQuery());
  const [left, setLeft] = useState<string | null>(null);
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const memberships = q.data?.memberships ?? [];
  if (memberships.length === 0 && !left) return null;
  return (
    <section className="cap-clinics card" aria-labelledby="clinics-title">
      <h2 className="card-title" id="clinics-title">
        Clinics you share with
      </h2>
      {left && (
        <Notice kind="success">You left {left}. None of its clinicians can read your data any more.</Notice>
      )}
      <ul className="membership-list">
        {memberships.map((m) => (
          <MembershipItem key={m.id} membership={m} onLeft={() => setLeft(m.clinic.name)} />
        ))}
      </ul>
      <p className="small muted">
        Each time a clinician reads your data it is listed in the access log below.
      </p>
    </section>
  );
}

function MembershipItem({ membership: m, onLeft }: { membership: Membership; onLeft: () => void }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const leave = useMutation({
    mutationFn: () =>
      callApi<typeof leaveClinic>('DELETE /api/clinic-memberships/:id', { params: { id: m.id } }),
    onSuccess: async () => {
      onLeft();
      await qc.invalidateQueries({ queryKey: CLINICS });
      await qc.invalidateQueries({ queryKey: ['sharing'] });
    },
  });
  return (
    <li className="membership">
      <h3>{m.clinic.name}</h3>
      <p className="small muted">Since {shortDate(m.joinedAt.slice(0, 10))}</p>
      <p className="small">
        <strong>They can read:</strong> {m.shares.map((s) => s.label).join(' · ')}
      </p>
      <p className="small">
        <strong>Who:</strong>{' '}
        {m.clinicians.length === 0
          ? 'no clinicians at the moment'
          : m.clinicians.map((c) => `${c.name} (${ROLE[c.role]})`).join(', ')}
      </p>
      {m.schedule.length > 0 && (
        <p className="small">
          <strong>Questionnaires they asked for:</strong>{' '}
          {m.schedule
            .map(
              (s) =>
                `${INSTRUMENTS[s.instrument].shortName} every ${s.everyWeeks === 1 ? 'week' : `${s.everyWeeks} weeks`}`,
            )
            .join(', ')}
        </p>
      )}
      {asking ? (
        <div className="leave-confirm">
          <p>
            Leave {m.clinic.name}? Every one of its clinicians loses access to your data at once. Your data
            stays yours, here.
          </p>
          <button
            className="button danger"
            type="button"
            disabled={leave.isPending}
            onClick={() => leave.mutate()}
          >
            Leave clinic
          </button>{' '}
          <button className="button secondary" type="button" onClick={() => setAsking(false)}>
            Stay
          </button>
        </div>
      ) : (
        <button className="button secondary" type="button" onClick={() => setAsking(true)}>
          Leave clinic
        </button>
      )}
      {leave.error && <Notice kind="error">{leave.error.message}</Notice>}
    </li>
  );
}
