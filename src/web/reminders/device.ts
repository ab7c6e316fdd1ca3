/** This device's side of reminders: the notification permission, background checks, notifications. */
import type { DueReminder } from './queries.ts';

export type Permission = NotificationPermission | 'unsupported';

export function notificationPermission(): Permission {
  return 'Notification' in window && 'serviceWorker' in navigator ? Notification.permission : 'unsupported';
}

/** Periodic Background Sync (installed apps in Chromium): lets the worker check while the app is closed. */
interface PeriodicSyncRegistration extends ServiceWorkerRegistration {
  periodicSync?: {
    register(tag: string, options: { minInterval: number }): Promise<void>;
    unregister(tag: string): Promise<void>;
  };
}

export async function setBackgroundReminders(on: boolean): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const reg = (await navigator.serviceWorker.ready) as PeriodicSyncRegistration;
    if (!reg.periodicSync) return;
    if (on) await reg.periodicSync.register('gutbrain-reminders', { minInterval: 60 * 60 * 1000 });
    else await reg.periodicSync.unregister('gutbrain-reminders');
  } catch {
    // Not installed, or the browser said no: the in-app banner still shows reminders.
  }
}

/**
 * Shows a due reminder as a system notification through the service worker, once per kind and
 * day on this device. Only texts about the reminder, never health data (lock screens show them).
 */
export async function notifyOnce(personId: string, today: string, r: DueReminder): Promise<void> {
  if (notificationPermission() !== 'granted') return;
  const mark = `gutbrain.notified.${personId}.${r.kind}`;
  if (localStorage.getItem(mark) === today) return;
  const reg = await navigator.serviceWorker.ready;
  await reg.showNotification(r.title, {
    body: r.body,
    tag: `gutbrain-${r.kind}`,
    icon: '/icon-192.png',
    data: { url: r.url },
  });
  localStorage.setItem(mark, today);
}
