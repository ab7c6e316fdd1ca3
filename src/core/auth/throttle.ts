/**
 * How long someone must wait before trying a password again: a few free failures, then a delay
 * that doubles with every further failure up to a ceiling, forgotten after a quiet spell. This is
 * OWASP's advice against online guessing — throttle per account and per address with growing
 * delays rather than hard lockouts, which an attacker could use to lock anyone out
 * (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#login-throttling).
 * A device that has signed in to the account before is judged by its own failures only
 * (https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies).
 *
 * @example waitMs(DEFAULT_AUTH_THROTTLE.account, { failures: 6, lastFailureMs: t }, t) // → 60_000
 */

export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after the first failure past `free`; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A counter with no new failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export interface AuthThrottlePolicy {
  /** Wrong passwords for one account from devices it has not signed in on. */
  account: ThrottleRule;
  /** Wrong passwords from one address (an IPv6 /64), whatever the account. */
  address: ThrottleRule;
  /** Wrong passwords from a device holding a signed device cookie for the account. */
  device: ThrottleRule;
  /** Registrations from one address, successful or not. */
  registration: ThrottleRule;
  /** Wrong current passwords from a signed-in person (changing the password, deleting the account). */
  reauthentication: ThrottleRule;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_AUTH_THROTTLE: AuthThrottlePolicy = {
  account: { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  // Higher: a household, office or mobile carrier may share one address.
  address: { free: 20, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  device: { free: 10, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  registration: { free: 20, firstDelayMs: MINUTE, maxDelayMs: HOUR, forgetAfterMs: HOUR },
  reauthentication: { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
};

export interface ThrottleState {
  failures: number;
  lastFailureMs: number;
}

/** The delay that follows `failures` failures: 0 within `free`, then first, 2×first, 4×first … up to max. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  const doublings = Math.min(failures - rule.free, 40);
  return Math.min(rule.firstDelayMs * 2 ** doublings, rule.maxDelayMs);
}

/** Milliseconds to wait before the next attempt counted under `state` (0: go ahead). */
export function waitMs(rule: ThrottleRule, state: ThrottleState | undefined, nowMs: number): number {
  if (!state || nowMs - state.lastFailureMs >= rule.forgetAfterMs) return 0;
  return Math.max(0, state.lastFailureMs + delayAfter(rule, state.failures) - nowMs);
}

/** "Try again in 30 seconds" / "in 2 minutes": the wait in words, rounded up. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
