/**
 * One Fitbit sleep log (`sleep-YYYY-MM-DD.json` in a Google Takeout export) as samples: the time in
 * bed, then the night's stages as back-to-back spans.
 *
 * Fitbit writes a "stages" log (deep, light, REM, wake; devices with a heart-rate sensor) or a
 * "classic" one (asleep, restless, awake). `levels.data` is the timeline in 30-second steps;
 * `levels.shortData` holds wakes of three minutes or less that lie inside a longer stage of `data`,
 * and Fitbit's own stage totals count them as wake (Fitbit Web API, Get Sleep Log by Date: the
 * short wake periods overlap the `data` stages and are overlaid on them). So a short wake is cut
 * out of the stage it lies in. Restless minutes are not sleep: Fitbit's minutesAsleep for a classic log is "the sum
 * of ASLEEP stages (excluding AWAKE and RESTLESS)" (Google Health API, SleepSummary).
 *
 * Times in a sleep log are the person's wall clock without an offset.
 */
import type { TimedSample } from './reader-kit.ts';
import type { SleepStage } from './samples.ts';
import { instantInZone, readIsoTime } from './zone-clock.ts';

const STAGE_OF_LEVEL: Record<string, SleepStage> = {
  deep: 'deep',
  light: 'core',
  rem: 'rem',
  wake: 'awake',
  asleep: 'asleep',
  restless: 'awake',
  awake: 'awake',
};

interface Segment {
  startMs: number;
  endMs: number;
  stage: SleepStage;
}

export interface FitbitSleepLog {
  logId?: unknown;
  startTime?: unknown;
  endTime?: unknown;
  type?: unknown;
  levels?: { data?: unknown; shortData?: unknown };
}

/**
 * The samples of one log, or the reason it cannot be read (`'bad_date'` for times that are not
 * times). Stage levels Fitbit may add later (`unknown`) are counted by the caller as unused.
 */
export function fitbitSleepSamples(
  log: FitbitSleepLog,
  timeZone: string,
  source: { source: string; device?: string },
): { samples: TimedSample[]; unknownLevels: number } | 'bad_date' {
  const start = typeof log.startTime === 'string' ? readIsoTime(log.startTime, timeZone) : null;
  const end = typeof log.endTime === 'string' ? readIsoTime(log.endTime, timeZone) : null;
  if (!start || !end) return 'bad_date';
  const id = typeof log.logId === 'number' || typeof log.logId === 'string' ? String(log.logId) : null;
  const make = (startMs: number, endMs: number, stage: SleepStage, key?: string): TimedSample => ({
    sample: {
      kind: 'sleep',
      start: instantInZone(startMs, timeZone),
      end: instantInZone(endMs, timeZone),
      value: (endMs - startMs) / 60_000,
      detail: stage,
      ...source,
    },
    startMs,
    endMs,
    ...(key ? { key } : {}),
  });
  // A log met twice (it sits in two monthly files after a re-sync) is one log: its id is the key.
  const samples: TimedSample[] = [
    make(start.ms, end.ms, 'in_bed', id ? `fitbit-sleep|${id}|in_bed` : undefined),
  ];
  let unknownLevels = 0;
  const read = (list: unknown): Segment[] => {
    const out: Segment[] = [];
    if (!Array.isArray(list)) return out;
    for (const item of list as { dateTime?: unknown; level?: unknown; seconds?: unknown }[]) {
      const at = typeof item?.dateTime === 'string' ? readIsoTime(item.dateTime, timeZone) : null;
      const stage = typeof item?.level === 'string' ? STAGE_OF_LEVEL[item.level] : undefined;
      const seconds = typeof item?.seconds === 'number' ? item.seconds : Number.NaN;
      if (!at || !stage || !(seconds > 0)) {
        unknownLevels++;
        continue;
      }
      out.push({ startMs: at.ms, endMs: at.ms + seconds * 1000, stage });
    }
    return out;
  };
  const timeline = overlayShortWakes(read(log.levels?.data), read(log.levels?.shortData));
  for (const [i, seg] of mergeTouching(timeline).entries()) {
    samples.push(make(seg.startMs, seg.endMs, seg.stage, id ? `fitbit-sleep|${id}|${i}` : undefined));
  }
  return { samples, unknownLevels };
}

/** Cuts each short wake out of the stage it lies in and puts it in its place. */
export function overlayShortWakes(data: Segment[], short: Segment[]): Segment[] {
  if (short.length === 0) return [...data].sort((a, b) => a.startMs - b.startMs);
  let out = [...data];
  for (const wake of short) {
    const next: Segment[] = [];
    for (const seg of out) {
      if (seg.endMs <= wake.startMs || seg.startMs >= wake.endMs) {
        next.push(seg);
        continue;
      }
      if (seg.startMs < wake.startMs) next.push({ ...seg, endMs: wake.startMs });
      if (seg.endMs > wake.endMs) next.push({ ...seg, startMs: wake.endMs });
    }
    next.push(wake);
    out = next;
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** Joins neighbours in the same stage (a wake cut out between two lights leaves them apart). */
function mergeTouching(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const last = out.at(-1);
    if (last && last.stage === seg.stage && last.endMs === seg.startMs) last.endMs = seg.endMs;
    else out.push({ ...seg });
  }
  return out;
}
