/**
 * Sentences for associations: always "went with", never "caused"; numbers to one decimal (two for
 * correlations), a real minus sign, the interval in brackets and the days it rests on.
 *
 * @example differenceSentence('fermented food', 'mood', 0, 6.84, 5.9, 0.94, 0.3, 1.5, 42)
 * // → 'Days with fermented food: mood 6.8 vs 5.9, +0.9 [0.3, 1.5], 42 days'
 */

export const ASSOCIATION_NOTE =
  'These are associations in your own records, not causes: a habit and a better day can both come from ' +
  'something else (a holiday, the season, a good week). An experiment can test one for you.';

const num = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  // −0.0 reads as a change; show plain 0.
  const clean = Number(s) === 0 ? (0).toFixed(digits) : s;
  return clean.replace('-', '−');
};
const signed = (x: number, digits: number) => (Number(x.toFixed(digits)) > 0 ? '+' : '') + num(x, digits);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function lead(factorLabel: string, lag: 0 | 1): string {
  return lag === 0 ? `Days with ${factorLabel}` : `The day after ${factorLabel}`;
}

export function differenceSentence(
  factorLabel: string,
  outcomeLabel: string,
  lag: 0 | 1,
  meanWith: number,
  meanWithout: number,
  difference: number,
  low: number,
  high: number,
  days: number,
): string {
  return (
    `${lead(factorLabel, lag)}: ${outcomeLabel} ${num(meanWith, 1)} vs ${num(meanWithout, 1)}, ` +
    `${signed(difference, 1)} [${num(low, 1)}, ${num(high, 1)}], ${days} days`
  );
}

export type Comparative = 'higher' | 'more' | 'a later';

/** Scales read "higher", times of day "a later", amounts (hours, minutes, servings) "more". */
export function comparativeFor(measureKind: string | undefined): Comparative {
  if (measureKind === 'scale') return 'higher';
  if (measureKind === 'time') return 'a later';
  return 'more';
}

export function correlationSentence(
  factorLabel: string,
  outcomeLabel: string,
  lag: 0 | 1,
  more: Comparative,
  rho: number,
  low: number,
  high: number,
  days: number,
  clear: boolean,
): string {
  const when = lag === 0 ? `Days with ${more} ${factorLabel}` : `The day after ${more} ${factorLabel}`;
  const trend = clear
    ? `${outcomeLabel} tended to be ${rho > 0 ? 'higher' : 'lower'}`
    : `no clear link with ${outcomeLabel}`;
  return `${when}: ${trend}, ρ = ${num(rho, 2)} [${num(low, 2)}, ${num(high, 2)}], ${days} days`;
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
