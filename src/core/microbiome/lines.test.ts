import { describe, expect, it } from 'vitest';
import { ReportLimitError } from './limits.ts';
import { LineSplitter } from './lines.ts';

/** Feeds `total` characters of one line (no newline) in chunks of `chunk`, then a newline. */
function feedOneLine(splitter: LineSplitter, total: number, chunk: number): Array<[number, string]> {
  const piece = 'x'.repeat(chunk);
  const out: Array<[number, string]> = [];
  for (let sent = 0; sent < total; sent += chunk) out.push(...splitter.push(piece));
  out.push(...splitter.push('\n'));
  return out;
}

describe('LineSplitter', () => {
  it('splits lines across chunk borders, strips CR and a leading BOM, numbers lines from 1', () => {
    const s = new LineSplitter();
    const out = [...s.push('\ufeffa\tb\r\nc'), ...s.push('d\ne'), ...s.end()];
    expect(out).toEqual([
      [1, 'a\tb'],
      [2, 'cd'],
      [3, 'e'],
    ]);
  });

  it('does work in proportion to the input, not to the square of a long line', () => {
    // An 8 MB line in 4 KB chunks: re-joining the line per chunk (the old splitter) examines
    // ~2,000 × 4 MB characters on average; a linear splitter examines each character a few times.
    const s = new LineSplitter(Number.POSITIVE_INFINITY);
    const total = 8 * 1024 * 1024;
    const out = feedOneLine(s, total, 4096);
    expect(out).toHaveLength(1);
    expect(out[0]![1].length).toBe(total);
    expect(s.work).toBeLessThanOrEqual(3 * (total + 1));
  });

  it('refuses a 60 MB line at the line limit, naming the line and the limit, after linear work', () => {
    const s = new LineSplitter();
    s.push('header\tS1\n');
    let error: unknown;
    let sent = 0;
    try {
      feedOneLine(s, 60 * 1024 * 1024, 64 * 1024);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toMatch(/Line 2 is longer than 1,000,000 characters/);
    sent = s.work;
    // Stopped within a chunk of the limit, having looked at each character a bounded number of times.
    expect(sent).toBeLessThan(3 * (1_000_000 + 64 * 1024 + 11));
  });
});
