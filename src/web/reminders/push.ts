/**
 * Web Push on this device: subscribe with the server's public key and register the subscription,
 * or unsubscribe and remove it. Every step may fail (no service worker, a blocked permission, a
 * browser that cannot reach its push service): each function answers a state to show, never throws.
 *
 * @example const { state } = await startPushOnThisDevice(); // 'on' | 'off' | 'blocked' | 'unavailable'
 */
import type { getPushKey, subscribePush, unsubscribePush } from '../../contract/push.ts';
import { ApiError, callApi } from '../api.ts';

export type DevicePushState = 'on' | 'off' | 'blocked' | 'unavailable';

export interface DevicePush {
  state: DevicePushState;
  /** Why push is not available, in words for the person. */
  problem?: string;
}

/** The bytes of a base64url string (no padding needed), as PushManager.subscribe wants the key. */
export function urlBase64ToUint8Array(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    promise,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
}

/** The service worker's registration, or undefined when none becomes ready (development, an old browser). */
const registration = () => within(navigator.serviceWorker.ready, 5_000);

const NO_WORKER = 'Gutbrain’s offline helper (service worker) is not running in this browser.';
const NO_SERVICE = 'This browser could not reach its push service.';

function sameKey(current: ArrayBuffer | null, publicKey: string): boolean {
  if (!current) return false;
  const a = new Uint8Array(current);
  const b = urlBase64ToUint8Array(publicKey);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** What this device does now, without asking anything. */
export async function devicePushState(): Promise<DevicePush> {
  if (!pushSupported()) return { state: 'unavailable', problem: 'This browser has no web push.' };
  if (Notification.permission === 'denied') return { state: 'blocked' };
  const reg = await registration();
  if (!reg) return { state: 'unavailable', problem: NO_WORKER };
  const sub = await reg.pushManager.getSubscription().catch(() => null);
  return { state: sub && Notification.permission === 'granted' ? 'on' : 'off' };
}

/**
 * Asks for the notification permission when not yet given, subscribes with the server's key and
 * registers the subscription with the server (again, if it exists: the signed-in person owns it).
 */
export async function startPushOnThisDevice(): Promise<DevicePush> {
  if (!pushSupported()) return { state: 'unavailable', problem: 'This browser has no web push.' };
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission === 'denied') return { state: 'blocked' };
  if (permission !== 'granted') return { state: 'off' };
  const reg = await registration();
  if (!reg) return { state: 'unavailable', problem: NO_WORKER };
  try {
    const { publicKey } = await callApi<typeof getPushKey>('GET /api/push/key', {});
    let sub = await reg.pushManager.getSubscription();
    // A subscription made with another server key cannot carry this server's pushes.
    if (sub && !sameKey(sub.options.applicationServerKey, publicKey)) {
      await sub.unsubscribe();
      sub = null;
    }
    sub ??=
      (await within(
        reg.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: urlBase64ToUint8Array(publicKey),
        }),
        20_000,
      )) ?? null;
    if (!sub) return { state: 'unavailable', problem: NO_SERVICE };
    const json = sub.toJSON();
    await callApi<typeof subscribePush>('POST /api/push/subscriptions', {
      body: {
        endpoint: json.endpoint ?? sub.endpoint,
        expirationTime: json.expirationTime ?? null,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      },
    });
    return { state: 'on' };
  } catch (e) {
    return { state: 'unavailable', problem: e instanceof ApiError ? e.message : NO_SERVICE };
  }
}

/** Removes this device's subscription from the server, then from the browser. */
export async function stopPushOnThisDevice(): Promise<DevicePush> {
  if (!pushSupported()) return { state: 'unavailable', problem: 'This browser has no web push.' };
  const reg = await registration();
  const sub = await reg?.pushManager.getSubscription().catch(() => null);
  if (sub) {
    try {
      await callApi<typeof unsubscribePush>('DELETE /api/push/subscriptions', {
        body: { endpoint: sub.endpoint },
      });
    } catch {
      // Already gone (404) or offline: once unsubscribed below, the push service answers 410
      // to the server, which then forgets the subscription itself.
    }
    await sub.unsubscribe().catch(() => false);
  }
  return devicePushState();
}
