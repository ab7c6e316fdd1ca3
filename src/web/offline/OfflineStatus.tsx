/**
 * The offline state, shown on every signed-in page: "you're offline", the number of entries saved
 * on this device and waiting, and what happened when they were sent. Sends the queue when the
 * connection comes back, on start and every 20 s while something waits. A synced check-in whose
 * answer asks for support opens the support screen at once (the safety rule is not postponed).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { getSession } from '../../contract/auth.ts';
import { callApi } from '../api.ts';
import { Notice } from '../components/States.tsx';
import { SESSION_KEY } from '../session.tsx';
import { type SyncResult, syncPendingWrites, usePendingWrites } from './queue.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

const plural = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

export function OfflineStatus({ personId }: { personId: string }) {
  const online = useOnline();
  const pending = usePendingWrites(personId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [last, setLast] = useState<SyncResult | null>(null);

  const sync = useCallback(async () => {
    try {
      // A fresh session answer carries the CSRF token the writes need (the page may have opened offline).
      await callApi<typeof getSession>('GET /api/auth/session', {});
    } catch {
      return;
    }
    const result = await syncPendingWrites(personId);
    if (result.sent === 0 && result.refused.length === 0) return;
    setLast(result);
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    if (result.answers.some((a) => typeof a === 'object' && a !== null && 'support' in a))
      navigate('/support');
  }, [personId, qc, navigate]);

  const waiting = pending.length;
  useEffect(() => {
    if (!online || waiting === 0) return;
    void sync();
    const t = setInterval(() => void sync(), 20_000);
    return () => clearInterval(t);
  }, [online, waiting, sync]);

  if (waiting > 0) {
    return (
      <section className="offline-banner" aria-label="Waiting to sync">
        <p role="status">
          <span className="offline-badge">{waiting}</span> <strong>{plural(waiting)} saved offline</strong> —
          will sync {online ? 'now that you are back online.' : 'when you are back online.'}
        </p>
        <details>
          <summary>What is waiting</summary>
          <ul>
            {pending.map((w) => (
              <li key={w.id}>{w.label}</li>
            ))}
          </ul>
        </details>
        {online && (
          <button type="button" className="button secondary" onClick={() => void sync()}>
            Sync now
          </button>
        )}
      </section>
    );
  }
  return (
    <>
      {!online && (
        <p className="offline-banner" role="status">
          <strong>You are offline.</strong> What you save is kept on this device and synced when you are back
          online.
        </p>
      )}
      {last && (
        <div className="offline-result">
          {last.sent > 0 && <Notice kind="success">Synced {plural(last.sent)} saved while offline.</Notice>}
          {last.refused.map((r) => (
            <Notice key={r.label} kind="error">
              {r.label} could not be saved: {r.message}
            </Notice>
          ))}
          <button type="button" className="button secondary" onClick={() => setLast(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
