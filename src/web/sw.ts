/**
 * The service worker: precaches the app shell (every built file) so Gutbrain opens without a
 * network, answers every page navigation with index.html, and shows reminders as notifications —
 * pushed by the server (Web Push, even with Gutbrain closed) or fetched on a periodic sync.
 * API answers are never cached here: health data stays out of the Cache Storage, and the page keeps
 * its own offline queue (src/web/offline/queue.ts).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// The service-worker globals, declared here because the project's TypeScript lib is the DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface PushEvent extends ExtendableEvent {
  data: { text(): string } | null;
}
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface ServiceWorkerScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  registration: ServiceWorkerRegistration;
  location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'periodicsync', listener: (event: ExtendableEvent & { tag: string }) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
}
declare const self: ServiceWorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes (/today, /history, …) all load the single-page app, online or not.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// A new version takes over at once: the app shell is static and the API is versioned by the server.
self.addEventListener('install', () => {
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** A tap on a reminder opens (or focuses) Gutbrain on the page the reminder is about. */
self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data as { url?: string } | undefined;
  const path = data?.url?.startsWith('/') ? data.url : '/today';
  event.notification.close();
  event.waitUntil(
    (async () => {
      const target = new URL(path, self.location.origin).href;
      const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const client = open[0];
      if (client) {
        await client.focus();
        if (client.url !== target) await client.navigate(target);
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

/**
 * Where the browser allows periodic background sync (an installed app in Chromium), ask the server
 * which reminders are due and show them even when Gutbrain is closed. The answer holds only the
 * reminder kinds and neutral words (`body`), never health data: a lock screen may show them.
 */
self.addEventListener('periodicsync', (event) => {
  if (event.tag !== 'gutbrain-reminders') return;
  event.waitUntil(showDueReminders());
});

interface Reminder {
  kind: string;
  title: string;
  body: string;
  url: string;
}

/** One notification per kind (the tag): a newer one replaces the one still showing. */
function showReminder(reminder: Reminder): Promise<void> {
  return self.registration.showNotification(reminder.title, {
    body: reminder.body,
    tag: `gutbrain-${reminder.kind}`,
    icon: '/icon-192.png',
    data: { url: reminder.url },
  });
}

async function showDueReminders(): Promise<void> {
  const res = await fetch('/api/reminders/due', { credentials: 'same-origin' });
  if (!res.ok) return;
  const { due } = (await res.json()) as { due: Reminder[] };
  for (const reminder of due) await showReminder(reminder);
}

/** The server's push: `{ kind, title, body, url }` (src/core/reminders/push.ts), neutral words only. */
function pushedReminder(text: string | undefined): Reminder {
  const fallback = { kind: 'reminder', title: 'Gutbrain', body: 'You have a reminder.', url: '/today' };
  try {
    const r = JSON.parse(text ?? '') as Partial<Reminder>;
    const ok = [r.kind, r.title, r.body, r.url].every((v) => typeof v === 'string');
    return ok && /^\/(?!\/)/.test(r.url ?? '') ? (r as Reminder) : fallback;
  } catch {
    return fallback;
  }
}

// Every push shows a notification (the subscription promised `userVisibleOnly`), even one that
// could not be read: the browser would otherwise show a generic one of its own.
self.addEventListener('push', (event) => {
  event.waitUntil(showReminder(pushedReminder(event.data?.text())));
});
