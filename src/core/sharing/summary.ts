/**
 * The summary a person shares with a clinician (and prints): diary trends, questionnaire scores
 * with the instrument's own band names, programs and microbiome results — only the kinds granted.
 * Plain data in, plain data out; the dashboard and the PDF both draw from it.
 *
 * @example buildSummary({ person, kinds: ['diary'], from, to, observations, … }).diary?.averages.mood
 */
import { sleepHoursBetween } from '../checkin/checkin.ts';
import { timeFromMinutes } from '../dates.ts';
import { INSTRUMENTS, type InstrumentId } from '../screeners/instruments.ts';
import type { ShareKind } from './access.ts';
import { type SafetyInputResult, safetySection } from './safety-summary.ts';

export const NOT_A_DIAGNOSIS =
  'Self-reported by the person in Gutbrain. Questionnaire bands are the instruments’ own names; none of this is a diagnosis.';

export interface SummaryInput {
  person: { displayName: string };
  kinds: readonly ShareKind[];
  from: string;
  to: string;
  observations: readonly { date: string; measure: string; value: number | null }[];
  screeners: readonly { instrument: string; date: string; score: number | null; band: string | null }[];
  /** Every questionnaire and signals check up to the period's end, for the safety section. */
  safetyResults: readonly SafetyInputResult[];
  /** One mood per logged day (check-in first, then imports), for the diary rule's episodes. */
  moods: readonly { date: string; mood: number }[];
  programs: readonly {
    programId: string;
    title: string;
    startDate: string;
    status: string;
    /** Goals met over goals due, per week so far (null: nothing due yet). */
    weeks: readonly { week: number; percent: number | null }[];
  }[];
  microbiome: readonly { date: string; label: string; shannonNats: number | null; observed: number | null }[];
}

export interface DiaryDay {
  date: string;
  mood: number | null;
  energy: number | null;
  sleepHours: number | null;
  stress: number | null;
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

function diaryDays(observations: SummaryInput['observations']): DiaryDay[] {
  const byDate = new Map<string, Map<string, number[]>>();
  for (const o of observations) {
    if (o.value === null) continue;
    const day = byDate.get(o.date) ?? new Map<string, number[]>();
    day.set(o.measure, [...(day.get(o.measure) ?? []), o.value]);
    byDate.set(o.date, day);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => {
      const get = (k: string) => day.get(k) ?? [];
      const bed = get('bedtime')[0];
      const wake = get('wake_time')[0];
      const sleep =
        mean(get('sleep_hours')) ??
        (bed !== undefined && wake !== undefined
          ? sleepHoursBetween(timeFromMinutes(bed), timeFromMinutes(wake))
          : null);
      return {
        date,
        mood: mean(get('mood')),
        energy: mean([...get('energy_morning'), ...get('energy_midday'), ...get('energy_evening')]),
        sleepHours: sleep,
        stress: mean(get('stress')),
      };
    })
    .filter((d) => d.mood !== null || d.energy !== null || d.sleepHours !== null || d.stress !== null);
}

/**
 * Averages of what a watch or phone recorded over the period (issue 20), one mean of the day
 * values each; null when the person has no device data then. The diary's sleep already counts
 * device nights.
 */
function deviceAverages(observations: SummaryInput['observations']) {
  const values = (measure: string) =>
    observations.filter((o) => o.measure === measure && o.value !== null).map((o) => o.value as number);
  const steps = values('steps');
  const resting = values('resting_heart_rate');
  const hrv = values('hrv_sdnn');
  const days = new Set(
    observations
      .filter((o) => ['steps', 'resting_heart_rate', 'hrv_sdnn'].includes(o.measure) && o.value !== null)
      .map((o) => o.date),
  ).size;
  if (days === 0) return null;
  return {
    steps: steps.length ? Math.round(steps.reduce((a, b) => a + b, 0) / steps.length) : null,
    restingHeartRate: mean(resting),
    hrvSdnn: mean(hrv),
    days,
  };
}

export function buildSummary(input: SummaryInput) {
  const has = (k: ShareKind) => input.kinds.includes(k);
  const days = has('diary') ? diaryDays(input.observations) : [];
  const avg = (pick: (d: DiaryDay) => number | null) =>
    mean(days.map(pick).filter((v): v is number => v !== null));
  return {
    person: input.person,
    period: { from: input.from, to: input.to },
    kinds: [...input.kinds],
    notice: NOT_A_DIAGNOSIS,
    /** First, so it is read first: item 9 and every safety event, in words. */
    safety: safetySection({
      kinds: input.kinds,
      from: input.from,
      to: input.to,
      results: input.safetyResults,
      moods: input.moods,
    }),
    diary: has('diary')
      ? {
          days,
          averages: {
            mood: avg((d) => d.mood),
            energy: avg((d) => d.energy),
            sleepHours: avg((d) => d.sleepHours),
            stress: avg((d) => d.stress),
            daysWithEntries: days.length,
          },
          devices: deviceAverages(input.observations),
        }
      : null,
    questionnaires: has('questionnaires')
      ? (Object.keys(INSTRUMENTS) as InstrumentId[])
          .map((id) => ({
            instrument: id,
            name: INSTRUMENTS[id].shortName,
            scoreLabel: INSTRUMENTS[id].scoreLabel,
            points: input.screeners
              .filter((s) => s.instrument === id && s.score !== null)
              .sort((a, b) => a.date.localeCompare(b.date))
              .map((s) => ({
                date: s.date,
                score: s.score as number,
                band: INSTRUMENTS[id].bands.find((b) => b.key === s.band)?.label ?? s.band,
              })),
          }))
          .filter((q) => q.points.length > 0)
      : null,
    programs: has('programs') ? [...input.programs] : null,
    microbiome: has('microbiome') ? [...input.microbiome].sort((a, b) => a.date.localeCompare(b.date)) : null,
  };
}

export type Summary = ReturnType<typeof buildSummary>;
