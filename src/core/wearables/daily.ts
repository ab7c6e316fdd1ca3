/**
 * One daily truth per measure from a stream of device samples (any reader's), in the person's time
 * zone. The rules, each also written out in bench/wearables_reference.py (which must agree to the
 * last digit):
 *
 * - **Counted quantities** (steps, time in daylight): each sample's value is spread evenly over the
 *   minutes it spans; for every minute the highest-priority origin that recorded that minute counts
 *   and the others are ignored. A phone and a watch that both counted a walk count it once, and the
 *   phone's steps still count in the hour the watch was charging. (Apple's Health app also keeps
 *   one source per overlapping stretch: support.apple.com/guide/iphone/iph5ede58c3d.)
 * - **Sleep**: an origin's sleep samples closer than an hour apart make one session; a session
 *   belongs to the date it ends on (the wake-up date). Per date the longest session of each origin
 *   is the night, and the highest-priority origin with asleep time gives it: asleep (the union of
 *   core, deep, REM and unstaged asleep spans, so overlapping samples never count twice), time in
 *   bed (the union of all its spans), stages, efficiency (asleep ÷ in bed), bedtime and wake time.
 * - **Readings** (resting heart rate, HRV, breathing rate): the mean of the day's readings from the
 *   highest-priority origin that has any (nights are dated by their readings' local date).
 * - **Sessions** (mindful minutes, workouts): the union of every origin's sessions, split at local
 *   midnight: a minute of meditation is one minute whoever recorded it.
 *
 * Exact duplicates (re-synced samples) are dropped and counted; so are samples dated before 1900 or
 * after the person's today, and values no body produces.
 */

import { DAY_MS, dateOfDay, dayOfDate, localClock, MINUTE_MS } from './local-clock.ts';
import type { DeviceMeasureKey } from './measures.ts';
import { type OriginPriority, rankOrigins } from './priority.ts';
import type { DeviceSample, SkippedCounts } from './samples.ts';

export interface DailyValue {
  date: string;
  measure: DeviceMeasureKey;
  value: number;
  /** The apps or devices the value came from, highest priority first. */
  origins: string[];
  /** Their device models, when the export named them. */
  devices: string[];
}

export interface DailyTruth {
  values: DailyValue[];
  skipped: SkippedCounts;
  /** Samples used (after the skipped ones). */
  samples: number;
  /** Every origin met, highest priority first. */
  origins: string[];
  /** First and last date with a value. */
  from: string | null;
  to: string | null;
}

export interface DailyOptions {
  timeZone: string;
  /** The person's today: later dates are skipped. */
  today: string;
  priority?: OriginPriority;
}

const HOUR_MS = 3_600_000;
const SESSION_GAP_MS = HOUR_MS;
const FIRST_DAY = dayOfDate('1900-01-01');

type Triple = number[]; // flat [start, end, value, start, end, value, …] in local ms
type Buckets = Map<number, Map<number, Triple>>; // origin → day → triples

const SLEEP_CODES: Record<string, number> = { in_bed: 0, awake: 1, core: 2, deep: 3, rem: 4, asleep: 5 };
const isAsleep = (code: number) => code >= 2;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Plausible values (per minute of span for counts): outside them a sample is skipped and counted. */
function plausible(s: DeviceSample, minutes: number): boolean {
  if (minutes < 0 || minutes > 24 * 60) return false;
  switch (s.kind) {
    case 'steps':
      // A fast runner takes about 200 steps a minute; 250 leaves room, 30,000 in a minute does not.
      return s.value >= 0 && s.value <= 250 * Math.max(1, minutes);
    case 'daylight':
      return s.value >= 0 && s.value <= minutes + 1;
    case 'resting_heart_rate':
      return s.value >= 20 && s.value <= 250;
    case 'hrv':
      return s.value > 0 && s.value <= 500;
    case 'respiratory_rate':
      return s.value >= 3 && s.value <= 80;
    default:
      return true;
  }
}

export class DailyAggregator {
  private readonly clock: (ms: number) => number;
  private readonly lastDay: number;
  readonly skipped: SkippedCounts = { unusedTypes: 0, badDates: 0, implausible: 0, duplicates: 0 };
  // Duplicates found here, apart from those a reader counted into `skipped` before they got here.
  private duplicatesHere = 0;
  private samples = 0;
  private readonly originIds = new Map<string, number>();
  private readonly originNames: string[] = [];
  private readonly originDevices: Array<Set<string>> = [];
  private readonly counted = new Map<string, Buckets>();
  private readonly readings = new Map<string, Buckets>();
  private readonly sessions = new Map<string, number[]>(); // kind → flat [start, end, origin]
  private readonly sleep = new Map<number, number[]>(); // origin → flat [start, end, code]

  constructor(private readonly options: DailyOptions) {
    this.clock = localClock(options.timeZone);
    this.lastDay = dayOfDate(options.today);
  }

  private origin(s: DeviceSample): number {
    let id = this.originIds.get(s.source);
    if (id === undefined) {
      id = this.originNames.length;
      this.originIds.set(s.source, id);
      this.originNames.push(s.source);
      this.originDevices.push(new Set());
    }
    if (s.device) this.originDevices[id]?.add(s.device);
    return id;
  }

  add(s: DeviceSample): void {
    const startMs = s.startMs ?? Date.parse(s.start);
    const endMs = s.endMs ?? Date.parse(s.end);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
      this.skipped.badDates++;
      return;
    }
    const start = this.clock(startMs);
    const end = start + (endMs - startMs);
    const firstDay = Math.floor(start / DAY_MS);
    // The end is exclusive: a span that ends at midnight (a minute up to 24:00, a whole day) lies
    // in the day before it, and today's is not "after today".
    const lastDay = Math.floor((end > start ? end - 1 : end) / DAY_MS);
    if (firstDay < FIRST_DAY || lastDay > this.lastDay) {
      this.skipped.badDates++;
      return;
    }
    if (!plausible(s, (endMs - startMs) / MINUTE_MS)) {
      this.skipped.implausible++;
      return;
    }
    const origin = this.origin(s);
    this.samples++;
    switch (s.kind) {
      case 'steps':
      case 'daylight':
        push(this.counted, s.kind, origin, firstDay, start, end, s.value);
        return;
      case 'resting_heart_rate':
      case 'respiratory_rate':
        push(this.readings, s.kind, origin, firstDay, start, end, s.value);
        return;
      case 'hrv':
        push(
          this.readings,
          s.detail === 'rmssd' ? 'hrv_rmssd' : 'hrv_sdnn',
          origin,
          firstDay,
          start,
          end,
          s.value,
        );
        return;
      case 'mindful':
      case 'workout': {
        const list = entry(this.sessions, s.kind, () => []);
        list.push(start, end, origin);
        return;
      }
      case 'sleep': {
        const code = SLEEP_CODES[s.detail ?? ''];
        if (code === undefined) {
          this.samples--;
          this.skipped.unusedTypes++;
          return;
        }
        const list = entry(this.sleep, origin, () => []);
        list.push(start, end, code);
        return;
      }
      default:
        // Single heart-rate readings give no daily value of their own (yet).
        this.samples--;
        this.skipped.unusedTypes++;
    }
  }

  finish(): DailyTruth {
    const order = rankOrigins(
      this.originNames.map((name, i) => ({ name, devices: [...(this.originDevices[i] ?? [])] })),
      this.options.priority,
    );
    const rank = new Map(order.map((name, i) => [this.originIds.get(name) as number, i]));
    const byRank = (a: number, b: number) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
    const values: DailyValue[] = [];
    const emit = (day: number, measure: DeviceMeasureKey, value: number, origins: Iterable<number>) => {
      const used = [...new Set(origins)].sort(byRank);
      values.push({
        date: dateOfDay(day),
        measure,
        value,
        origins: used.map((o) => this.originNames[o] as string),
        devices: [...new Set(used.flatMap((o) => [...(this.originDevices[o] ?? [])]))],
      });
    };
    const countedMeasure = { steps: 'steps', daylight: 'daylight_minutes' } as const;
    for (const [kind, buckets] of this.counted) {
      this.finishCounted(buckets, byRank, (day, total, used) =>
        emit(day, countedMeasure[kind as 'steps' | 'daylight'], Math.round(total), used),
      );
    }
    for (const [measure, buckets] of this.readings) {
      this.finishReadings(buckets, byRank, (day, mean, origin) =>
        emit(day, measure as DeviceMeasureKey, round(mean, 1), [origin]),
      );
    }
    const sessionMeasure = { mindful: 'mindful_minutes', workout: 'workout_minutes' } as const;
    for (const [kind, list] of this.sessions) {
      this.finishSessions(list, (day, ms, used) =>
        emit(day, sessionMeasure[kind as 'mindful' | 'workout'], round(ms / MINUTE_MS, 1), used),
      );
    }
    this.finishSleep(byRank, emit);
    values.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.measure < b.measure ? -1 : 1));
    return {
      values,
      skipped: { ...this.skipped },
      samples: this.samples - this.duplicatesHere,
      origins: order,
      from: values[0]?.date ?? null,
      to: values[values.length - 1]?.date ?? null,
    };
  }

  /** Sorted, with exact repeats removed (and counted): `[start, end, value]` triples. */
  private unique(flat: number[]): number[] {
    const n = flat.length / 3;
    const idx = Array.from({ length: n }, (_, i) => i * 3);
    idx.sort((a, b) => flat[a]! - flat[b]! || flat[a + 1]! - flat[b + 1]! || flat[a + 2]! - flat[b + 2]!);
    const out: number[] = [];
    for (const i of idx) {
      const k = out.length;
      if (k && out[k - 3] === flat[i] && out[k - 2] === flat[i + 1] && out[k - 1] === flat[i + 2]) {
        this.skipped.duplicates++;
        this.duplicatesHere++;
        continue;
      }
      out.push(flat[i]!, flat[i + 1]!, flat[i + 2]!);
    }
    return out;
  }

  private finishCounted(
    buckets: Buckets,
    byRank: (a: number, b: number) => number,
    emit: (day: number, total: number, used: number[]) => void,
  ): void {
    const origins = [...buckets.keys()].sort(byRank);
    const days = new Set<number>();
    for (const perDay of buckets.values()) for (const d of perDay.keys()) days.add(d).add(d + 1);
    // Minutes of the day being summed and of the next (a sample may run past midnight).
    const minutes = new Map<number, Map<number, { cells: Float64Array; covered: Uint8Array }>>();
    const cellsOf = (day: number, origin: number) => {
      const perOrigin = entry(minutes, day, () => new Map());
      const c = entry(perOrigin, origin, () => ({
        cells: new Float64Array(1440),
        covered: new Uint8Array(1440),
      }));
      return c;
    };
    const add = (origin: number, minute: number, amount: number) => {
      const day = Math.floor(minute / 1440);
      const c = cellsOf(day, origin);
      const i = minute - day * 1440;
      c.cells[i] = (c.cells[i] as number) + amount;
      c.covered[i] = 1;
    };
    for (const day of [...days].sort((a, b) => a - b)) {
      for (const origin of origins) {
        const flat = buckets.get(origin)?.get(day);
        if (!flat) continue;
        const list = this.unique(flat);
        for (let j = 0; j < list.length; j += 3) {
          const start = list[j]!;
          const end = list[j + 1]!;
          const value = list[j + 2]!;
          const span = end - start;
          if (span <= 0) {
            add(origin, Math.floor(start / MINUTE_MS), value);
            continue;
          }
          const last = Math.ceil(end / MINUTE_MS);
          for (let m = Math.floor(start / MINUTE_MS); m < last; m++) {
            const from = Math.max(start, m * MINUTE_MS);
            const to = Math.min(end, (m + 1) * MINUTE_MS);
            add(origin, m, (value * (to - from)) / span);
          }
        }
      }
      const perOrigin = minutes.get(day);
      minutes.delete(day);
      if (!perOrigin) continue;
      const ranked = origins.filter((o) => perOrigin.has(o));
      let total = 0;
      const used = new Set<number>();
      let covered = false;
      for (let i = 0; i < 1440; i++) {
        for (const o of ranked) {
          const c = perOrigin.get(o)!;
          if (c.covered[i]) {
            covered = true;
            total += c.cells[i]!;
            if (c.cells[i]! > 0) used.add(o);
            break;
          }
        }
      }
      if (covered && day <= this.lastDay) emit(day, total, [...used]);
    }
  }

  private finishReadings(
    buckets: Buckets,
    byRank: (a: number, b: number) => number,
    emit: (day: number, mean: number, origin: number) => void,
  ): void {
    const origins = [...buckets.keys()].sort(byRank);
    const days = new Set<number>();
    for (const perDay of buckets.values()) for (const d of perDay.keys()) days.add(d);
    for (const day of [...days].sort((a, b) => a - b)) {
      const origin = origins.find((o) => buckets.get(o)?.has(day));
      if (origin === undefined) continue;
      // Every origin's repeats are counted, the unused origins' too.
      let chosen: number[] = [];
      for (const o of origins) {
        const flat = buckets.get(o)?.get(day);
        if (!flat) continue;
        const list = this.unique(flat);
        if (o === origin) chosen = list;
      }
      let sum = 0;
      for (let j = 2; j < chosen.length; j += 3) sum += chosen[j]!;
      emit(day, sum / (chosen.length / 3), origin);
    }
  }

  private finishSessions(flat: number[], emit: (day: number, ms: number, used: number[]) => void): void {
    const list = this.unique(flat);
    const perDay = new Map<number, { ms: number; origins: Set<number> }>();
    const credit = (from: number, to: number, origins: Set<number>) => {
      while (from < to) {
        const day = Math.floor(from / DAY_MS);
        const cut = Math.min(to, (day + 1) * DAY_MS);
        const d = entry(perDay, day, () => ({ ms: 0, origins: new Set<number>() }));
        d.ms += cut - from;
        for (const o of origins) d.origins.add(o);
        from = cut;
      }
    };
    let start = Number.NaN;
    let end = Number.NaN;
    let origins = new Set<number>();
    for (let j = 0; j < list.length; j += 3) {
      const s = list[j]!;
      const e = list[j + 1]!;
      if (Number.isNaN(start) || s > end) {
        if (!Number.isNaN(start)) credit(start, end, origins);
        start = s;
        end = e;
        origins = new Set([list[j + 2]!]);
      } else {
        end = Math.max(end, e);
        origins.add(list[j + 2]!);
      }
    }
    if (!Number.isNaN(start)) credit(start, end, origins);
    for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
      const d = perDay.get(day)!;
      if (d.ms > 0) emit(day, d.ms, [...d.origins]);
    }
  }

  private finishSleep(
    byRank: (a: number, b: number) => number,
    emit: (day: number, measure: DeviceMeasureKey, value: number, origins: number[]) => void,
  ): void {
    // origin → wake day → the longest session's spans
    const nights = new Map<number, Map<number, number[]>>();
    for (const [origin, flat] of this.sleep) {
      const list = this.unique(flat);
      const perDay = new Map<number, number[]>();
      nights.set(origin, perDay);
      let from = 0;
      while (from < list.length) {
        let to = from + 3;
        let end = list[from + 1]!;
        while (to < list.length && list[to]! <= end + SESSION_GAP_MS) {
          end = Math.max(end, list[to + 1]!);
          to += 3;
        }
        const session = list.slice(from, to);
        const day = Math.floor((end - 1) / DAY_MS);
        const held = perDay.get(day);
        if (!held || spanOf(session) > spanOf(held)) perDay.set(day, session);
        from = to;
      }
    }
    const days = new Set<number>();
    for (const perDay of nights.values()) for (const d of perDay.keys()) days.add(d);
    const origins = [...nights.keys()].sort(byRank);
    for (const day of [...days].sort((a, b) => a - b)) {
      const candidates = origins.filter((o) => nights.get(o)?.has(day));
      const origin = candidates.find((o) => hasAsleep(nights.get(o)!.get(day)!)) ?? (candidates[0] as number);
      const session = nights.get(origin)!.get(day)!;
      const stage = (codes: number[]) => unionMs(session, (c) => codes.includes(c));
      const asleep = unionMs(session, isAsleep);
      const inBed = unionMs(session, () => true);
      const put = (measure: DeviceMeasureKey, value: number) => emit(day, measure, value, [origin]);
      const first = session[0]!;
      let lastAsleepEnd = Number.NaN;
      for (let j = 0; j < session.length; j += 3) {
        if (isAsleep(session[j + 2]!))
          lastAsleepEnd = Math.max(Number.isNaN(lastAsleepEnd) ? 0 : lastAsleepEnd, session[j + 1]!);
      }
      put('time_in_bed_hours', round(inBed / HOUR_MS, 2));
      put('bedtime', minuteOfDay(first));
      if (asleep > 0) {
        put('sleep_hours', round(asleep / HOUR_MS, 2));
        put('sleep_efficiency', round((asleep / inBed) * 100, 1));
        put('wake_time', minuteOfDay(lastAsleepEnd));
      }
      if (hasCode(session, [2, 3, 4])) {
        put('core_sleep_minutes', round(stage([2]) / MINUTE_MS, 1));
        put('deep_sleep_minutes', round(stage([3]) / MINUTE_MS, 1));
        put('rem_sleep_minutes', round(stage([4]) / MINUTE_MS, 1));
      }
      if (hasCode(session, [1])) put('awake_minutes', round(stage([1]) / MINUTE_MS, 1));
    }
  }
}

/** The map's value at `key`, made and kept first when missing. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function push(
  map: Map<string, Buckets>,
  kind: string,
  origin: number,
  day: number,
  start: number,
  end: number,
  value: number,
): void {
  const buckets = entry(map, kind, (): Buckets => new Map());
  const perDay = entry(buckets, origin, () => new Map<number, Triple>());
  const flat = entry(perDay, day, (): Triple => []);
  flat.push(start, end, value);
}

function spanOf(session: number[]): number {
  let end = 0;
  for (let j = 1; j < session.length; j += 3) end = Math.max(end, session[j]!);
  return end - session[0]!;
}

const hasAsleep = (session: number[]) => hasCode(session, [2, 3, 4, 5]);

function hasCode(session: number[], codes: number[]): boolean {
  for (let j = 2; j < session.length; j += 3) if (codes.includes(session[j]!)) return true;
  return false;
}

/** Total length of the union of the spans whose code passes `keep` (spans sorted by start). */
function unionMs(session: number[], keep: (code: number) => boolean): number {
  let total = 0;
  let start = Number.NaN;
  let end = Number.NaN;
  for (let j = 0; j < session.length; j += 3) {
    if (!keep(session[j + 2]!)) continue;
    const s = session[j]!;
    const e = session[j + 1]!;
    if (Number.isNaN(start) || s > end) {
      if (!Number.isNaN(start)) total += end - start;
      start = s;
      end = e;
    } else end = Math.max(end, e);
  }
  if (!Number.isNaN(start)) total += end - start;
  return total;
}

const minuteOfDay = (localMs: number) => Math.floor(localMs / MINUTE_MS) % 1440;
