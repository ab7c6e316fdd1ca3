import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_THROTTLE, delayAfter, type ThrottleRule, waitInWords, waitMs } from './throttle.ts';

const rule: ThrottleRule = {
  free: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 3600_000,
};

describe('delayAfter', () => {
  it('is free for the first five failures, then doubles from 30 s to a 15-minute ceiling', () => {
    // Hand-worked: 30 s × 2^(n − 5), capped at 900 s.
    const seconds = [0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayAfter(rule, n) / 1000);
    expect(seconds).toEqual([0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });
});

describe('waitMs', () => {
  const t = Date.UTC(2026, 5, 1, 12);
  it('counts the delay from the latest failure', () => {
    expect(waitMs(rule, undefined, t)).toBe(0);
    expect(waitMs(rule, { failures: 4, lastFailureMs: t }, t)).toBe(0);
    expect(waitMs(rule, { failures: 5, lastFailureMs: t }, t)).toBe(30_000);
    expect(waitMs(rule, { failures: 5, lastFailureMs: t }, t + 29_999)).toBe(1);
    expect(waitMs(rule, { failures: 5, lastFailureMs: t }, t + 30_000)).toBe(0);
    expect(waitMs(rule, { failures: 7, lastFailureMs: t }, t + 60_000)).toBe(60_000);
  });

  it('never waits longer than the ceiling, and nothing once the counter is forgotten', () => {
    expect(waitMs(rule, { failures: 40, lastFailureMs: t }, t)).toBe(900_000);
    expect(waitMs({ ...rule, maxDelayMs: 7200_000 }, { failures: 40, lastFailureMs: t }, t + 3600_000)).toBe(
      0,
    );
  });

  it('allows at most a handful of guesses an hour once the ceiling is reached', () => {
    // Guess as soon as allowed for an hour, starting from zero failures.
    let failures = 0;
    let last = -Infinity;
    let now = 0;
    let guesses = 0;
    while (now < 3600_000) {
      const wait = waitMs(rule, failures ? { failures, lastFailureMs: last } : undefined, now);
      now += wait;
      if (now >= 3600_000) break;
      guesses += 1;
      failures += 1;
      last = now;
    }
    // 5 free, then waits of 0.5, 1, 2, 4, 8, 15, 15 … minutes.
    expect(guesses).toBeLessThanOrEqual(5 + 8);
    expect(DEFAULT_AUTH_THROTTLE.address.free).toBeGreaterThan(DEFAULT_AUTH_THROTTLE.account.free);
  });
});

describe('waitInWords', () => {
  it('rounds up to seconds, then minutes', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(30_000)).toBe('30 seconds');
    expect(waitInWords(120_000)).toBe('2 minutes');
    expect(waitInWords(900_000)).toBe('15 minutes');
  });
});
