/**
 * The night a device recorded, as the check-in's sleep fields: hours slept, bedtime and wake time,
 * with the app or watch it came from ("Ana’s Apple Watch"), so Today can fill them in and say so.
 */
import type { OutputOf } from '../../contract/endpoint.ts';
import type { getDeviceDay } from '../../contract/wearables.ts';
import { timeFromMinutes } from '../../core/dates.ts';

type DeviceValue = OutputOf<typeof getDeviceDay>['values'][number];

export interface DeviceSleep {
  values: { sleepHours?: number; bedtime?: string; wakeTime?: string };
  /** The app or device that recorded the night. */
  from: string;
}

export function sleepFromDevice(values: readonly DeviceValue[]): DeviceSleep | undefined {
  const pick = (measure: string) => values.find((v) => v.measure === measure);
  const hours = pick('sleep_hours');
  const bed = pick('bedtime');
  const wake = pick('wake_time');
  const first = hours ?? bed ?? wake;
  if (!first) return undefined;
  return {
    values: {
      ...(hours ? { sleepHours: hours.value } : {}),
      ...(bed ? { bedtime: timeFromMinutes(bed.value) } : {}),
      ...(wake ? { wakeTime: timeFromMinutes(wake.value) } : {}),
    },
    from: first.origins[0] ?? first.sourceName,
  };
}
