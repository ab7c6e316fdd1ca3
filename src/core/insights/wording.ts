/**
 * Sentences for associations, in plain words: the effect in the outcome's own points, the likely
 * range in words, and the days it rests on. Always "went with" territory, never "caused"; the
 * statistics (ρ, interval, q) live in the details, not in the sentence.
 *
 * @example differenceSentence('morning sunlight', 'mood', 0, 0.8, 0.3, 1.3, 64, 103)
 * // → 'On days with morning sunlight your mood was about 0.8 points higher (likely between 0.3 and
 * //    1.3), over 64 days with and 103 without.'
 */
import type { Certainty } from './association-types.ts';

export const ASSOCIATION_NOTE =
  'These are associations in your own records, not causes: a habit and a better day can both come from ' +
  'something else (a holiday, the season, a good week). An experiment can test one for you.';

/** The one legend for the certainty words, shown beside every list of findings. */
export const CERTAINTY_LEGEND: Record<Certainty, { label: string; meaning: string }> = {
  clear: {
    label: 'Clear',
    meaning: 'would rarely show up by chance, even allowing for everything compared',
  },
  possible: {
    label: 'Possible',
    meaning: 'worth testing with an experiment; about one in five findings like this may be chance',
  },
  unclear: { label: "Can't tell yet", meaning: 'could well be ordinary ups and downs; more days may tell' },
};

/** Why an interval that leaves out zero can still read "can't tell yet". */
export const MANY_COMPARISONS_NOTE =
  'Gutbrain compares many pairs at once, and among dozens of comparisons a few likely ranges leave out ' +
  'zero by chance alone. The certainty ' +
  'words allow for how many pairs were compared (the Benjamini–Hochberg method), and for good and bad ' +
  'days coming in runs, so they are stricter than a single range.';

export const num = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  // −0.0 reads as a change; show plain 0.
  const clean = Number(s) === 0 ? (0).toFixed(digits) : s;
  return clean.replace('-', '−');
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "about 0.8 points higher (likely between 0.3 and 1.3)". */
export function pointsChange(difference: number, low: number, high: number): string {
  const size = num(Math.abs(difference), 1);
  const range = `likely between ${num(low, 1)} and ${num(high, 1)}`;
  if (Number(size) === 0) return `about the same (${range})`;
  const unit = size === '1.0' ? 'point' : 'points';
  return `about ${size} ${unit} ${difference > 0 ? 'higher' : 'lower'} (${range})`;
}

export function differenceSentence(
  factorLabel: string,
  outcomeLabel: string,
  lag: 0 | 1,
  difference: number,
  low: number,
  high: number,
  withDays: number,
  withoutDays: number,
): string {
  const change = pointsChange(difference, low, high);
  return lag === 0
    ? `On days with ${factorLabel} your ${outcomeLabel} was ${change}, over ${days(withDays)} with and ${withoutDays} without.`
    : `The day after ${factorLabel} your ${outcomeLabel} was ${change}, over ${days(withDays)} after it and ${withoutDays} after days without.`;
}

export type Comparative = 'higher' | 'more' | 'a later';

/** Scales read "higher", times of day "a later", amounts (hours, minutes, servings) "more". */
export function comparativeFor(measureKind: string | undefined): Comparative {
  if (measureKind === 'scale') return 'higher';
  if (measureKind === 'time') return 'a later';
  return 'more';
}

const OPPOSITE: Record<Comparative, string> = { higher: 'lower', more: 'less', 'a later': 'an earlier one' };

/** A continuous lever: the outcome's mean on the days above and below the lever's middle. */
export function correlationSentence(
  factorLabel: string,
  outcomeLabel: string,
  lag: 0 | 1,
  more: Comparative,
  meanHigh: number,
  meanLow: number,
  pairedDays: number,
): string {
  const when = lag === 0 ? 'On days with' : 'The day after';
  return (
    `${when} ${more} ${factorLabel} than usual your ${outcomeLabel} averaged ${num(meanHigh, 1)}, ` +
    `against ${num(meanLow, 1)} ${lag === 0 ? 'on days' : 'after days'} with ${OPPOSITE[more]}, over ${days(pairedDays)}.`
  );
}

/** Two outcomes on the same day; a link that can't tell yet is not described as a tendency. */
export function togetherSentence(
  a: string,
  b: string,
  rho: number,
  pairedDays: number,
  certainty: Certainty = 'clear',
): string {
  if (certainty === 'unclear')
    return `No clear link yet between your ${a} and ${b}, over ${days(pairedDays)}.`;
  return rho >= 0
    ? `Your ${a} and ${b} tended to rise and fall together, over ${days(pairedDays)}.`
    : `When your ${a} was higher your ${b} tended to be lower, over ${days(pairedDays)}.`;
}

export function notEnoughSentence(
  factorLabel: string,
  outcomeLabel: string,
  lag: 0 | 1,
  more: number,
  needs: 'days' | 'with' | 'without' = 'days',
): string {
  const what =
    lag === 0
      ? `${capitalise(factorLabel)} and ${outcomeLabel}`
      : `${capitalise(factorLabel)} and next-day ${outcomeLabel}`;
  const kind = needs === 'days' ? '' : ` ${needs} ${factorLabel}`;
  return `${what}: not enough data yet: ${more} more ${more === 1 ? 'day' : 'days'}${kind}`;
}

export function noVariationSentence(factorLabel: string, outcomeLabel: string): string {
  return `${capitalise(factorLabel)} and ${outcomeLabel}: the values did not vary, so there is nothing to compare yet`;
}

/**
 * The experiment a finding suggests, in the direction that went with the better-sounding outcome
 * for a yes/no lever ("Kefir on most days", "Fewer days with ultra-processed food") and the
 * direction of the association for a continuous one ("More sleep", "An earlier bedtime").
 */
export function experimentIdea(
  factorLabel: string,
  kind: 'presence' | Comparative,
  direction: number,
  outcomeHigherIsBetter = true,
): string {
  const towards = direction > 0 === outcomeHigherIsBetter;
  if (kind === 'presence')
    return towards ? `${capitalise(factorLabel)} on most days` : `Fewer days with ${factorLabel}`;
  const words: Record<Comparative, [string, string]> = {
    more: ['More', 'Less'],
    higher: ['Higher', 'Lower'],
    'a later': ['A later', 'An earlier'],
  };
  const [up, down] = words[kind];
  return `${towards ? up : down} ${factorLabel}`;
}
