/**
 * A clinic's team: invite by link (a person to share with the clinic — any clinician; a clinician
 * or admin — admins only), copy the link, see pending invitations and withdraw one, and the staff
 * with their roles (admins remove clinicians; anyone may leave; the last admin stays).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { removeStaff, withdrawInvitation } from '../../contract/clinics.ts';
import { callApi } from '../api.ts';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { usePerson } from '../session.tsx';
import { formatDate } from '../useToday.ts';
import { countOf } from '../words.ts';
import { InviteByLink } from './InviteByLink.tsx';
import { CLINICS, clinicQuery } from './queries.ts';
import './clinics.css';

const KIND = { person: 'Person (shares their data)', clinician: 'Clinician', admin: 'Admin' } as const;
const ROLE = { admin: 'Admin', clinician: 'Clinician' } as const;

export default function ClinicTeam() {
  const { clinicId = '' } = useParams();
  const me = usePerson();
  const q = useQuery(clinicQuery(clinicId));
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: CLINICS });
  const withdraw = useMutation({
    mutationFn: (invitationId: string) =>
      callApi<typeof withdrawInvitation>(
        'DELETE /api/clinician/clinics/:clinicId/invitations/:invitationId',
        {
          params: { clinicId, invitationId },
        },
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (staffId: string) =>
      callApi<typeof removeStaff>('DELETE /api/clinician/clinics/:clinicId/staff/:staffId', {
        params: { clinicId, staffId },
      }),
    onSuccess: refresh,
  });
  if (q.isPending)
    return (
      <div className="cap-clinics">
        <Loading />
      </div>
    );
  if (q.error)
    return (
      <div className="cap-clinics">
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      </div>
    );
  const { clinic, staff, invitations, peopleCount } = q.data;
  const admin = clinic.role === 'admin';
  return (
    <div className="cap-clinics">
      <header className="page-head">
        <div>
          <p className="eyebrow">{clinic.name}</p>
          <h1>Team and invitations</h1>
          <p className="muted small">
            {countOf(peopleCount, 'person', 'people')} {peopleCount === 1 ? 'shares' : 'share'} with this
            clinic.
          </p>
        </div>
        <Link className="button secondary" to={`/clinic/${clinicId}`}>
          Caseload
        </Link>
      </header>

      <InviteByLink clinicId={clinicId} admin={admin} />

      <section className="card" aria-labelledby="pending-title">
        <h2 className="card-title" id="pending-title">
          Invitations not yet accepted
        </h2>
        {invitations.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="row-list">
            {invitations.map((i) => (
              <li key={i.id}>
                <div>
                  <strong>{i.email}</strong> <span className="chip">{KIND[i.kind]}</span>
                  <div className="small muted">
                    From {i.createdBy}, open until {formatDate(i.expiresAt.slice(0, 10))}
                  </div>
                </div>
                <button
                  className="button secondary"
                  type="button"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(i.id)}
                  aria-label={`Withdraw the invitation for ${i.email}`}
                >
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        )}
        {withdraw.error && <Notice kind="error">{withdraw.error.message}</Notice>}
      </section>

      <section className="card" aria-labelledby="staff-title">
        <h2 className="card-title" id="staff-title">
          Staff
        </h2>
        <ul className="row-list">
          {staff.map((s) => {
            const self = s.clinicianId === me.id;
            return (
              <li key={s.id}>
                <div>
                  <strong>{s.name}</strong> <span className="chip">{ROLE[s.role]}</span>
                  {self && <span className="muted small"> (you)</span>}
                  <div className="small muted">
                    {s.email} · since {formatDate(s.since.slice(0, 10))}
                  </div>
                </div>
                {(admin || self) && (
                  <button
                    className="button danger-quiet"
                    type="button"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(s.id)}
                    aria-label={self ? `Leave ${clinic.name}` : `Remove ${s.name} from the clinic`}
                  >
                    {self ? 'Leave' : 'Remove'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {remove.error && <Notice kind="error">{remove.error.message}</Notice>}
        <p className="small muted">
          Someone removed loses access to every person’s data at once; their notes and markers stay with the
          clinic.
        </p>
      </section>
    </div>
  );
}
