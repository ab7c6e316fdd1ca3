/** "6.4" — averages as the rest of the app writes them. */
export function oneDecimal(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : x.toFixed(1);
}
