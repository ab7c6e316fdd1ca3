/**
 * The service worker: precaches the app shell (every built file) so Gutbrain opens without a
 * network, answers every page navigation with index.html, and shows reminders as notifications.
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

async function showDueReminders(): Promise<void> {
  const res = await fetch('/api/reminders/due', { credentials: 'same-origin' });
  if (!res.ok) return;
  const { due } = (await res.json()) as { due: { kind: string; title: string; body: string; url: string }[] };
  for (const reminder of due) {
    await self.registration.showNotification(reminder.title, {
      body: reminder.body,
      tag: `gutbrain-${reminder.kind}`,
      icon: '/icon-192.png',
      data: { url: reminder.url },
    });
  }
}
