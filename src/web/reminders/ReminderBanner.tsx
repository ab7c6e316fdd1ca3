/**
 * Due reminders as an in-app banner on every signed-in page (always, whatever the browser allows),
 * checked every five minutes. When the page is in the background and this device allows
 * notifications, the same reminder also shows as a system notification, once a day.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { notifyOnce } from './device.ts';
import { dismissReminder, dueRemindersQuery } from './queries.ts';

export function ReminderBanner({ personId, hide }: { personId: string; hide?: string }) {
  const qc = useQueryClient();
  const due = useQuery({
    ...dueRemindersQuery(),
    refetchInterval: 5 * 60_000,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const dismiss = useMutation({
    mutationFn: dismissReminder,
    onSuccess: () => qc.invalidateQueries({ queryKey: dueRemindersQuery().queryKey }),
  });

  useEffect(() => {
    if (!due.data || document.visibilityState === 'visible') return;
    for (const r of due.data.due) void notifyOnce(personId, due.data.today, r).catch(() => undefined);
  }, [due.data, personId]);

  // A failed check (offline) shows nothing: reminders are a nicety, the offline banner says the rest.
  const shown = due.data?.due.filter((r) => r.kind !== hide) ?? [];
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((r) => (
        <section key={r.kind} className="reminder-banner" aria-label={`Reminder: ${r.title}`}>
          <svg className="reminder-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path
              d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          <p>
            <strong>{r.title}</strong> {r.detail}
          </p>
          <div className="reminder-actions">
            <Link className="button" to={r.url} onClick={() => dismiss.mutate(r.kind)}>
              Open
            </Link>
            <button
              type="button"
              className="button secondary"
              disabled={dismiss.isPending}
              onClick={() => dismiss.mutate(r.kind)}
            >
              {r.kind === 'questionnaire' ? 'Not now' : 'Not today'}
            </button>
          </div>
        </section>
      ))}
    </>
  );
}
