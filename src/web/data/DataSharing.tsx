/**
 * Data & sharing: take everything out (JSON, CSV per kind, FHIR for a clinician's system, a
 * printable PDF), bring data in from other trackers, and share with a clinician or coach.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ClinicMemberships } from '../clinics/ClinicMemberships.tsx';
import { Notice } from '../components/States.tsx';
import { usePerson, useSessionRefresh } from '../session.tsx';
import { WearablesImport } from '../wearables/WearablesImport.tsx';
import { DataImport } from './DataImport.tsx';
import { SharingGrants } from './SharingGrants.tsx';
import './data.css';
import { exportKindName, rowCount } from './exportKinds.ts';
import { exportKindsQuery, setClinicianRole } from './queries.ts';

function Downloads() {
  const kinds = useQuery(exportKindsQuery());
  return (
    <section className="card" aria-labelledby="download-title">
      <h2 className="card-title" id="download-title">
        Download your data
      </h2>
      <p className="muted small">
        Everything you have put into Gutbrain is yours. Files are made on the spot and never cached.
      </p>
      <div className="download-buttons">
        <a className="button" href="/api/export/json" download>
          Everything (JSON)
        </a>
        <a className="button secondary" href="/api/export/fhir" download>
          For a clinic's system (FHIR)
        </a>
        <a className="button secondary" href="/api/sharing/report.pdf" download>
          Printable summary (PDF)
        </a>
      </div>
      <details>
        <summary>One kind at a time (CSV)</summary>
        <ul className="kind-list">
          {kinds.data?.kinds
            .filter((k) => k.rows > 0)
            .map((k) => (
              <li key={k.kind}>
                <a href={`/api/export/csv/${k.kind}`} download>
                  {exportKindName(k.kind)}
                </a>{' '}
                <span className="muted small">{rowCount(k.rows)}</span>
              </li>
            ))}
        </ul>
      </details>
    </section>
  );
}

function ClinicianAccount() {
  const person = usePerson();
  const refresh = useSessionRefresh();
  const isClinician = person.role === 'clinician';
  const toggle = useMutation({
    mutationFn: () => setClinicianRole(!isClinician),
    onSuccess: (res) => refresh({ ...person, role: res.role }),
  });
  return (
    <section className="card">
      <h2 className="card-title">Clinician or coach?</h2>
      {isClinician ? (
        <p>
          This is a clinician account. <Link to="/clinician">Open your dashboard</Link> to see the people who
          shared with you.
        </p>
      ) : (
        <p className="muted small">
          A clinician account lets people share their data with you. Your own diary keeps working.
        </p>
      )}
      <p className="small">
        <Link to="/clinic">Clinics</Link>: start one for measurement-based care, or open yours.
      </p>
      <button
        className="button secondary"
        type="button"
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
      >
        {isClinician ? 'Stop being a clinician account' : 'Make this a clinician account'}
      </button>
      {toggle.error && <Notice kind="error">{toggle.error.message}</Notice>}
    </section>
  );
}

export default function DataSharing() {
  return (
    <div className="cap-data">
      <header className="page-head">
        <div>
          <h1>Data &amp; sharing</h1>
          <p className="muted">
            Take your data anywhere, bring it from other apps, share it with someone you trust.
          </p>
        </div>
      </header>
      <Downloads />
      <DataImport />
      <WearablesImport />
      <ClinicMemberships />
      <SharingGrants />
      <ClinicianAccount />
    </div>
  );
}
