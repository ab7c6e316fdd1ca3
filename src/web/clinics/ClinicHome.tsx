/**
 * `/clinic`: the clinics this account works in (each opening its caseload), and starting a new one
 * — whoever starts it is its first admin.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { createClinic } from '../../contract/clinics.ts';
import { ApiError, callApi } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { EmptyState, ErrorState, Loading, Notice } from '../components/States.tsx';
import { usePerson } from '../session.tsx';
import { CLINICS, clinicsQuery } from './queries.ts';
import './clinics.css';

const ROLE = { admin: 'Admin', clinician: 'Clinician' } as const;

export default function ClinicHome() {
  const me = usePerson();
  const clinician = me.role === 'clinician';
  const clinics = useQuery({ ...clinicsQuery(), enabled: clinician });
  if (!clinician)
    return (
      <div className="cap-clinics">
        <header className="page-head">
          <h1>Clinics</h1>
        </header>
        <EmptyState
          title="Clinics are for clinician accounts"
          action={
            <Link className="button" to="/data">
              Open Data &amp; sharing
            </Link>
          }
        >
          To start a clinic or join one as staff, first turn on “Make this a clinician account” under Data
          &amp; sharing. To share your own data with a clinic, open the invitation link it sent you.
        </EmptyState>
      </div>
    );
  return (
    <div className="cap-clinics">
      <header className="page-head">
        <div>
          <p className="eyebrow">Measurement-based care</p>
          <h1>Clinics</h1>
          <p className="muted">
            Questionnaires on a schedule, reliable change and safety events first, for the people who share
            with your clinic.
          </p>
        </div>
      </header>
      {clinics.isPending ? (
        <Loading />
      ) : clinics.error ? (
        <ErrorState error={clinics.error} onRetry={() => clinics.refetch()} />
      ) : (
        clinics.data.clinics.length > 0 && (
          <ul className="clinic-list" aria-label="Your clinics">
            {clinics.data.clinics.map((c) => (
              <li key={c.id} className="card clinic-item">
                <div>
                  <h2 className="card-title">{c.name}</h2>
                  <span className="chip">{ROLE[c.role]}</span>
                </div>
                <div className="head-actions">
                  <Link className="button" to={`/clinic/${c.id}`}>
                    Caseload
                  </Link>
                  <Link className="button secondary" to={`/clinic/${c.id}/team`}>
                    Team and invitations
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )
      )}
      <StartClinic first={clinics.data?.clinics.length === 0} />
    </div>
  );
}

function StartClinic({ first }: { first: boolean }) {
  const [name, setName] = useState('');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => callApi<typeof createClinic>('POST /api/clinician/clinics', { body: { name } }),
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: CLINICS });
      navigate(`/clinic/${res.clinic.id}/team`);
    },
  });
  const err = create.error instanceof ApiError ? create.error : undefined;
  return (
    <section className="card" aria-labelledby="start-title">
      <h2 className="card-title" id="start-title">
        {first ? 'Start a clinic' : 'Start another clinic'}
      </h2>
      <p className="small muted">
        You become its first admin. Then invite clinicians and the people you care for by link; each person
        sees exactly what they would share and decides.
      </p>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field
          label="Clinic name"
          value={name}
          maxLength={120}
          error={err?.field === 'name' ? err.message : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {err && err.field !== 'name' && <Notice kind="error">{err.message}</Notice>}
        <div>
          <button className="button" type="submit" disabled={!name.trim() || create.isPending}>
            Start the clinic
          </button>
        </div>
      </form>
    </section>
  );
}
