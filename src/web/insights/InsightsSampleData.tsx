/**
 * "Try it with sample data": on the empty History page, fills this still-empty account with 180
 * days of generated sample data (labelled Demo) and opens Insights to show what it looks like.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/States.tsx';
import { SESSION_KEY } from '../session.tsx';

export default function SampleDataButton() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const load = useMutation({
    mutationFn: () => api.send<{ days: number; displayName: string }>('POST', '/api/demo', {}),
    onSuccess: async () => {
      await qc.invalidateQueries();
      await qc.refetchQueries({ queryKey: SESSION_KEY });
      navigate('/insights');
    },
  });
  return (
    <div className="sample-data">
      <p>
        Want to see what Gutbrain shows after a few months? Fill this account with 180 days of made-up sample
        data. The account will be labelled <strong>Demo</strong>; use a new account for your own diary.
      </p>
      <button
        type="button"
        className="button secondary"
        disabled={load.isPending}
        onClick={() => load.mutate()}
      >
        {load.isPending ? 'Creating sample data…' : 'Try it with sample data'}
      </button>
      {load.isError && (
        <Notice kind="error">
          {load.error instanceof ApiError && load.error.status === 409
            ? 'This account already has data, so sample data cannot be added. Sign up with a new account to try it.'
            : load.error.message}
        </Notice>
      )}
    </div>
  );
}
