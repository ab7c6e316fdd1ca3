/**
 * Sleep of Xiaomi bands in Gadgetbridge, which keeps it apart from the minute samples
 * (GBDaoGenerator: `XiaomiSleepTimeSample`, `XiaomiSleepStageSample`; times in milliseconds):
 *
 * - `XIAOMI_SLEEP_TIME_SAMPLE` — one row per sleep: `TIMESTAMP` (bedtime) and `WAKEUP_TIME`.
 * - `XIAOMI_SLEEP_STAGE_SAMPLE` — `TIMESTAMP` and `STAGE`, each stage lasting until the next row
 *   (or the wake-up); stored as `SleepDetailsParser.decodeStage` writes them: 2 deep, 3 light,
 *   4 REM, 5 awake, 0 "not sleep", 1 "n/a".
 *
 * A sleep without stage rows is one unstaged "asleep" span, bedtime to wake-up (Gadgetbridge then
 * draws it as light sleep; Gutbrain does not guess a stage).
 */
import type { GadgetbridgeDevice } from './gadgetbridge.ts';
import type { ReadRow } from './reader-kit.ts';
import type { SleepStage } from './samples.ts';
import { instantInZone } from './zone-clock.ts';

export interface XiaomiSleep {
  deviceId: number;
  bedtime: number;
  wakeup: number;
}

export interface XiaomiStage {
  deviceId: number;
  at: number;
  stage: number;
}

const STAGES = new Map<number, SleepStage>([
  [2, 'deep'],
  [3, 'core'],
  [4, 'rem'],
  [5, 'awake'],
]);

/** The sleep spans of each sleep, from its stage rows (both lists in any order). */
export function* xiaomiSleepSamples(
  sleeps: readonly XiaomiSleep[],
  stages: readonly XiaomiStage[],
  devices: ReadonlyMap<number, GadgetbridgeDevice>,
  timeZone: string,
): Generator<ReadRow> {
  const byDevice = new Map<number, XiaomiStage[]>();
  for (const s of stages) {
    const list = byDevice.get(s.deviceId) ?? [];
    list.push(s);
    byDevice.set(s.deviceId, list);
  }
  for (const list of byDevice.values()) list.sort((a, b) => a.at - b.at);
  /** The device's stage rows from `from` (inclusive) to `to` (exclusive), found by bisection. */
  const stagesIn = (deviceId: number, from: number, to: number) => {
    const list = byDevice.get(deviceId) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as XiaomiStage).at < from) lo = mid + 1;
      else hi = mid;
    }
    const out: XiaomiStage[] = [];
    for (let i = lo; i < list.length && (list[i] as XiaomiStage).at < to; i++)
      out.push(list[i] as XiaomiStage);
    return out;
  };
  const span = (deviceId: number, from: number, to: number, stage: SleepStage): ReadRow => {
    const name = devices.get(deviceId)?.name;
    return {
      sample: {
        kind: 'sleep',
        start: instantInZone(from, timeZone),
        end: instantInZone(to, timeZone),
        value: (to - from) / 60_000,
        detail: stage,
        source: 'Gadgetbridge',
        ...(name ? { device: name } : {}),
      },
      startMs: from,
      endMs: to,
    };
  };
  for (const sleep of [...sleeps].sort((a, b) => a.deviceId - b.deviceId || a.bedtime - b.bedtime)) {
    if (!(sleep.wakeup > sleep.bedtime)) {
      yield span(sleep.deviceId, sleep.bedtime, sleep.bedtime, 'asleep');
      continue;
    }
    const inside = stagesIn(sleep.deviceId, sleep.bedtime, sleep.wakeup);
    if (inside.length === 0) {
      yield span(sleep.deviceId, sleep.bedtime, sleep.wakeup, 'asleep');
      continue;
    }
    for (const [i, row] of inside.entries()) {
      const stage = STAGES.get(row.stage);
      const to = inside[i + 1]?.at ?? sleep.wakeup;
      if (stage && to > row.at) yield span(sleep.deviceId, row.at, to, stage);
    }
  }
}
