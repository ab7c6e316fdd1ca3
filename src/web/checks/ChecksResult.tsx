/** One stored result, opened from the Checks list; the support screen first when it raised a trigger. */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { ChecksPage } from './ChecksForm.tsx';
import { ChecksOutcome } from './ChecksOutcome.tsx';
import { responseQuery } from './queries.ts';
import './checks.css';

export default function ChecksResult() {
  const { id = '' } = useParams();
  const q = useQuery(responseQuery(id));
  return (
    <ChecksPage>
      {q.isPending && <Loading />}
      {q.error && <ErrorState error={q.error} />}
      {q.data && <ChecksOutcome key={q.data.response.id} outcome={q.data} />}
    </ChecksPage>
  );
}
