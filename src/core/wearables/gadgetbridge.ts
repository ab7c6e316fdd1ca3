/**
 * Gadgetbridge's activity samples as DeviceSamples. Gadgetbridge (the open-source Android
 * companion for Mi Band, Amazfit, Pebble, Xiaomi and other watches) keeps one row per device and
 * minute in a table per device family — `TIMESTAMP` (Unix seconds, UTC), `DEVICE_ID`, `STEPS`,
 * `HEART_RATE`, `RAW_KIND` — with the names its greenDAO schema generator gives them
 * (GBDaoGenerator.java: entity `MiBandActivitySample` → table `MI_BAND_ACTIVITY_SAMPLE`,
 * property `heartRate` → column `HEART_RATE`). This file holds the rules; reading the database is
 * the store's (store/wearables/gadgetbridge-db.ts).
 *
 * Sleep is a raw kind whose numbers each device family defines in its sample provider:
 * - Mi Band 1 (`MiBandSampleProvider`): 4 deep, 5 light.
 * - Huami bands in `MI_BAND_ACTIVITY_SAMPLE` (Mi Band 2–4, Amazfit Bip…; `HuamiConst`): the low
 *   four bits; 9 light, 11 deep; 0 "no change" and 10 "ignore" carry the last kind on
 *   (`MiBand2SampleProvider.postprocess`).
 * - `HUAMI_EXTENDED_ACTIVITY_SAMPLE` (`HuamiExtendedSampleProvider`): 120 sleep, REM when
 *   `REM_SLEEP & 127` > 55, else deep when `DEEP_SLEEP & 127` > 42, else light.
 * - Pebble (`PebbleHealthSampleProvider`): kinds come from `PEBBLE_HEALTH_ACTIVITY_OVERLAY`
 *   spans — 1 light sleep, 2 deep sleep, 3 light nap, 4 deep nap.
 * - Xiaomi (`XiaomiSampleProvider`): Gadgetbridge's own ActivityKind codes — 2 light, 4 deep,
 *   0x01000000 REM, 0x02000000 awake in sleep — where a row carries one. Xiaomi keeps most of its
 *   sleep in tables of its own, read by gadgetbridge-xiaomi.ts.
 * Other `…_ACTIVITY_SAMPLE` tables give their steps and heart rate; their sleep kinds are not read.
 *
 * A heart rate outside 10–250 bpm is no reading (Gadgetbridge's `HeartRateUtils` draws only those;
 * bands write 0, 255 or -1 for a minute without one). Minutes in the same sleep stage are joined
 * into one span; a gap of more than a minute ends a span.
 */
import type { ReadRow } from './reader-kit.ts';
import type { DeviceSample, SleepStage } from './samples.ts';
import { instantInZone } from './zone-clock.ts';

export interface GadgetbridgeRow {
  timestamp: number;
  deviceId: number;
  steps: number | null;
  heartRate: number | null;
  rawKind: number | null;
  deepSleep?: number | null;
  remSleep?: number | null;
}

export interface GadgetbridgeDevice {
  name: string;
  /** `DeviceType` enum name (`MIBAND`, `MIBAND2`, `AMAZFITBIP`…); older databases lack it. */
  typeName: string | null;
}

/** A Pebble overlay span: the raw kind from `from` (inclusive) to `to` (exclusive), in seconds. */
export interface PebbleOverlay {
  deviceId: number;
  from: number;
  to: number;
  rawKind: number;
}

/** The sample tables whose sleep kinds Gutbrain reads; other activity-sample tables give steps and heart rate. */
export const SLEEP_TABLES = [
  'MI_BAND_ACTIVITY_SAMPLE',
  'HUAMI_EXTENDED_ACTIVITY_SAMPLE',
  'PEBBLE_HEALTH_ACTIVITY_SAMPLE',
  'XIAOMI_ACTIVITY_SAMPLE',
] as const;

const HUAMI = { lightSleep: 9, deepSleep: 11, noChange: 0, ignore: 10, unset: -1 };
const XIAOMI_STAGES = new Map<number, SleepStage>([
  [0x02, 'core'],
  [0x04, 'deep'],
  [0x01000000, 'rem'],
  [0x02000000, 'awake'],
]);

/**
 * Pebble's overlay spans in force at a time, swept forwards with rows in time order (a few
 * thousand sleep spans against a million minutes: never scanned whole per minute).
 */
class OverlaySweep {
  private readonly sorted: (PebbleOverlay & { order: number })[];
  private next = 0;
  private active: (PebbleOverlay & { order: number })[] = [];

  constructor(overlays: PebbleOverlay[], deviceId: number) {
    this.sorted = overlays
      .map((o, order) => ({ ...o, order }))
      .filter((o) => o.deviceId === deviceId)
      .sort((a, b) => a.from - b.from);
  }

  /** The raw kind at `t`: of the covering overlays, the one stored last wins (PebbleHealthSampleProvider). */
  kindAt(t: number): number | null {
    while (this.next < this.sorted.length && (this.sorted[this.next] as PebbleOverlay).from <= t) {
      this.active.push(this.sorted[this.next++] as PebbleOverlay & { order: number });
    }
    this.active = this.active.filter((o) => o.to > t);
    let best: (PebbleOverlay & { order: number }) | null = null;
    for (const o of this.active) if (!best || o.order > best.order) best = o;
    return best ? best.rawKind : null;
  }
}

/** What carries from one minute to the next within one device's rows. */
interface DeviceState {
  huamiKind: number;
  pebble: OverlaySweep | null;
}

/** The sleep stage of one minute for one table, or null when awake, active or unknown. */
export function sleepStageOf(
  table: string,
  row: GadgetbridgeRow,
  device: GadgetbridgeDevice | undefined,
  state: DeviceState,
): SleepStage | null {
  switch (table) {
    case 'MI_BAND_ACTIVITY_SAMPLE': {
      if (row.rawKind === null) return null;
      if (device?.typeName === 'MIBAND')
        return row.rawKind === 4 ? 'deep' : row.rawKind === 5 ? 'core' : null;
      let kind = row.rawKind === HUAMI.unset ? row.rawKind : row.rawKind & 0xf;
      if (kind === HUAMI.noChange || kind === HUAMI.ignore) kind = state.huamiKind;
      else state.huamiKind = kind;
      return kind === HUAMI.deepSleep ? 'deep' : kind === HUAMI.lightSleep ? 'core' : null;
    }
    case 'HUAMI_EXTENDED_ACTIVITY_SAMPLE': {
      if (row.rawKind !== 120) return null;
      if (((row.remSleep ?? 0) & 127) > 55) return 'rem';
      if (((row.deepSleep ?? 0) & 127) > 42) return 'deep';
      return 'core';
    }
    case 'PEBBLE_HEALTH_ACTIVITY_SAMPLE': {
      const kind = state.pebble?.kindAt(row.timestamp) ?? null;
      return kind === 2 || kind === 4 ? 'deep' : kind === 1 || kind === 3 ? 'core' : null;
    }
    case 'XIAOMI_ACTIVITY_SAMPLE':
      return row.rawKind === null ? null : (XIAOMI_STAGES.get(row.rawKind) ?? null);
    default:
      return null;
  }
}

interface SleepRun {
  deviceId: number;
  stage: SleepStage;
  from: number;
  to: number;
}

/**
 * The samples of one table's rows, which must come ordered by device, then time. `devices` names
 * each device; `overlays` are Pebble's sleep spans.
 */
export function* gadgetbridgeSamples(
  table: string,
  rows: Iterable<GadgetbridgeRow>,
  devices: ReadonlyMap<number, GadgetbridgeDevice>,
  timeZone: string,
  overlays: PebbleOverlay[] = [],
): Generator<ReadRow> {
  const sample = (
    kind: DeviceSample['kind'],
    from: number,
    to: number,
    value: number,
    deviceId: number,
    detail?: string,
  ): ReadRow => {
    const name = devices.get(deviceId)?.name;
    return {
      sample: {
        kind,
        start: instantInZone(from * 1000, timeZone),
        end: instantInZone(to * 1000, timeZone),
        value,
        ...(detail ? { detail } : {}),
        source: 'Gadgetbridge',
        ...(name ? { device: name } : {}),
      },
      startMs: from * 1000,
      endMs: to * 1000,
    };
  };
  const spanOf = (run: SleepRun) =>
    sample('sleep', run.from, run.to, (run.to - run.from) / 60, run.deviceId, run.stage);
  let run: SleepRun | null = null;
  let state: DeviceState | null = null;
  let lastDevice: number | null = null;
  for (const row of rows) {
    if (row.deviceId !== lastDevice || !state) {
      if (run) yield spanOf(run);
      run = null;
      lastDevice = row.deviceId;
      state = {
        huamiKind: HUAMI.unset,
        pebble: table === 'PEBBLE_HEALTH_ACTIVITY_SAMPLE' ? new OverlaySweep(overlays, row.deviceId) : null,
      };
    }
    const t = row.timestamp;
    if (row.steps !== null && row.steps !== 0) yield sample('steps', t, t + 60, row.steps, row.deviceId);
    const hr = row.heartRate;
    // 0, 255 and negative values are the bands' "no reading"; 1–9 and 251–254 go to the gate.
    if (hr !== null && hr > 0 && hr !== 255) yield sample('heart_rate', t, t + 60, hr, row.deviceId);
    const stage = sleepStageOf(table, row, devices.get(row.deviceId), state);
    if (run && (stage !== run.stage || t > run.to)) {
      yield spanOf(run);
      run = null;
    }
    if (stage && run) run.to = t + 60;
    else if (stage) run = { deviceId: row.deviceId, stage, from: t, to: t + 60 };
  }
  if (run) yield spanOf(run);
}
