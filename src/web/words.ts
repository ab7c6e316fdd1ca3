/**
 * Counts in words for the sentences under charts: "1 day", "2 days" — never "1 days".
 *
 * @example countOf(1, 'day') // '1 day'
 * @example countOf(3, 'day of 30', 'days of 30') // '3 days of 30'
 */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n} ${n === 1 ? one : other}`;
}
