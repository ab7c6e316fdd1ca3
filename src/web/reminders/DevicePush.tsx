/**
 * Settings → Reminders → this device: whether reminders arrive here as notifications with Gutbrain
 * closed (Web Push), said in words. With a reminder on and the permission granted, the device is
 * subscribed; with every reminder off it is unsubscribed. The permission is only asked for from
 * the button. Whatever fails, the banner inside Gutbrain still shows reminders, and the line says so.
 */
import { useEffect, useRef, useState } from 'react';
import { usePerson } from '../session.tsx';
import { setBackgroundReminders } from './device.ts';
import {
  type DevicePush as DevicePushResult,
  type DevicePushState,
  devicePushState,
  pushSupported,
  startPushOnThisDevice,
  stopPushOnThisDevice,
} from './push.ts';

/** Set when the person stopped notifications on this device: visits to Settings do not undo it. */
const stoppedKey = (personId: string) => `gutbrain.push.stopped.${personId}`;
const granted = () => 'Notification' in window && Notification.permission === 'granted';

// A no-break space keeps the dash with the word before it on narrow screens.
const BANNER = '\u00a0— you will still see a banner in Gutbrain.';

const STATE_TEXT: Record<DevicePushState, string> = {
  on: 'on.',
  off: `off${BANNER}`,
  blocked: `blocked by the browser${BANNER}`,
  unavailable: `not available${BANNER}`,
};

type Shown = DevicePushResult | { state: 'checking'; problem?: undefined };

export function DevicePush({ remindersOn }: { remindersOn: boolean }) {
  const stoppedFlag = stoppedKey(usePerson().id);
  const [push, setPush] = useState<Shown>({ state: 'checking' });
  const [busy, setBusy] = useState(false);
  // Only the latest request may set the state: a slow subscribe must not overwrite a later stop.
  const latest = useRef(0);
  const run = async (work: () => Promise<DevicePushResult>) => {
    const mine = ++latest.current;
    setBusy(true);
    const result = await work().catch(
      (): DevicePushResult => ({ state: 'unavailable', problem: 'Something went wrong on this device.' }),
    );
    if (mine !== latest.current) return;
    setPush(result);
    setBusy(false);
    void setBackgroundReminders(remindersOn && granted() && localStorage.getItem(stoppedFlag) === null);
  };
  const start = () => {
    localStorage.removeItem(stoppedFlag);
    return run(startPushOnThisDevice);
  };
  const stop = () => {
    localStorage.setItem(stoppedFlag, '1');
    return run(stopPushOnThisDevice);
  };

  // Follow the saved settings: a reminder on (and permission already given) subscribes this device,
  // which also hands it to the person signed in now; every reminder off unsubscribes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run only when the saved settings change
  useEffect(() => {
    const wanted = remindersOn && granted() && localStorage.getItem(stoppedFlag) === null;
    void run(wanted ? startPushOnThisDevice : remindersOn ? devicePushState : stopPushOnThisDevice);
  }, [remindersOn]);
  const canTry = remindersOn && pushSupported();

  return (
    <div className="reminder-permission" aria-live="polite">
      <p className="small">
        <strong>Notifications on this device:</strong>{' '}
        {push.state === 'checking'
          ? 'checking…'
          : !remindersOn && push.state === 'off'
            ? 'off.'
            : STATE_TEXT[push.state]}
      </p>
      {push.state === 'blocked' && (
        <p className="small muted">
          To get them, allow notifications for this site in the browser’s settings.
        </p>
      )}
      {push.state === 'unavailable' && push.problem && <p className="small muted">{push.problem}</p>}
      {push.state === 'off' && !remindersOn && (
        <p className="small muted">Turn a reminder on and save to get notifications here.</p>
      )}
      {canTry && (push.state === 'off' || push.state === 'unavailable') && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void start()}>
          {push.state === 'unavailable'
            ? 'Try again'
            : granted()
              ? 'Turn on notifications on this device'
              : 'Allow notifications on this device'}
        </button>
      )}
      {push.state === 'on' && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void stop()}>
          Stop notifications on this device
        </button>
      )}
    </div>
  );
}
