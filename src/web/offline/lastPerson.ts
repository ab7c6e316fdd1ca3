/**
 * The last signed-in person (id, name, email, time zone: no health data), so the app opened
 * without a connection still knows whose Today it is. Forgotten at logout and on a 401.
 */
const KEY = 'gutbrain.last-person';
/** Kept after logout: someone has signed in on this device before, so `/` opens the login page. */
const RETURNING_KEY = 'gutbrain.signed-in-before';

export function rememberLastPerson<P extends { id: string }>(person: P): P {
  try {
    localStorage.setItem(KEY, JSON.stringify(person));
    localStorage.setItem(RETURNING_KEY, '1');
  } catch {
    // Storage full or blocked: the app still works online.
  }
  return person;
}

export function lastPerson<P extends { id: string }>(): P | undefined {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? 'null') as P | null;
    return p && typeof p.id === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

export function forgetLastPerson(): null {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  return null;
}

/** Whether anyone has signed in on this device before (the first-visit page is for everyone else). */
export function signedInBefore(): boolean {
  try {
    return localStorage.getItem(RETURNING_KEY) !== null;
  } catch {
    return false;
  }
}
