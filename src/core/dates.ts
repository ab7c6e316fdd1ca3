/**
 * Local calendar dates (`YYYY-MM-DD`) and times of day (`HH:MM`). Dates are the person's own
 * calendar dates, computed from an IANA time zone, never from the server's clock zone.
 *
 * Every date and timestamp a client can send is checked here, once (`isLocalDate`, `isInstant`;
 * their zod forms are in date-schemas.ts), against one range: a food logged at year 0 was once
 * stored as the date `1-01-01`, which that person's own export could then not import.
 */

import { ValidationError } from './errors.ts';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** The first and last calendar dates Gutbrain accepts: no diary reaches further either way. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

// An instant's local date may be up to 14 hours either side of its UTC date (UTC+14, UTC−12), so
// instants stop a day inside the date range: any of them falls on an accepted date in every zone.
const EARLIEST_INSTANT_MS = Date.UTC(1900, 0, 2);
const LATEST_INSTANT_MS = Date.UTC(2100, 11, 30, 23, 59, 59, 999);

/**
 * True for a real calendar date from 1900-01-01 to 2100-12-31:
 * `isLocalDate('2024-02-29')` → true, `'2026-02-30'` → false, `'0000-01-01'` → false.
 */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
  return value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/**
 * True for an ISO 8601 date-time with `Z` or an offset, naming a real moment whose local date is
 * within range in every time zone: `isInstant('2026-03-11T03:30:00-05:00')` → true,
 * `'0000-01-01T00:00:00Z'` → false, `'2026-02-30T10:00:00Z'` → false, `'2026-03-11T03:30:00'` → false.
 */
export function isInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m || !isLocalDate(m[1] as string)) return false;
  const ms = Date.parse(value);
  return ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for an IANA zone this runtime knows: `isTimeZone('Europe/Dublin')` → true. */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs far more than using one, and this runs on every save:
// one per time zone, kept (a few hundred zones at most).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f;
}

/** The calendar date at `instant` in `timeZone`: 23:30 in Auckland is still that local day. */
export function localDateAt(instant: Date, timeZone: string): string {
  const f = dateFormat(timeZone);
  // 'en-CA' writes dates as YYYY-MM-DD, read as they are (the quick way: the caseload asks this
  // for every member); should a runtime's locale data write them otherwise, the parts are read
  // by type instead.
  const written = f.format(instant);
  if (LOCAL_DATE.test(written)) return written;
  let year = '';
  let month = '';
  let day = '';
  for (const p of f.formatToParts(instant)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  return `${year}-${month}-${day}`;
}

/**
 * `addDays('2024-02-28', 1)` → `'2024-02-29'`. Pure calendar arithmetic, no time zone. Counted
 * with Hinnant's civil-from-days (the inverse of `utcMidnight`'s days-from-civil), a few times
 * faster than `Date#toISOString` — the caseload runs it thousands of times; dates.test.ts compares
 * the two on every day from 1900 to 2100. Throws a RangeError on what is not a date.
 */
export function addDays(date: string, days: number): string {
  const ms = utcMidnight(date) + days * 86_400_000;
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${date}`);
  const z = Math.floor(ms / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(ms).toISOString().slice(0, 10);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole days from `a` to `b`: `daysBetween('2026-01-01', '2026-01-31')` → 30. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / 86_400_000);
}

/**
 * Milliseconds at UTC midnight of a `YYYY-MM-DD` date (NaN for anything else). The caseload runs
 * this for every day of hundreds of diaries, so it reads the digits itself and counts days with
 * Hinnant's days-from-civil (https://howardhinnant.github.io/date_algorithms.html#days_from_civil),
 * several times faster than slicing the string into `Date.UTC`; dates.test.ts compares the two on
 * every day from 1900 to 2100.
 */
export function utcMidnight(date: string): number {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return Number.NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * 86_400_000;
}

/** The number written by `length` decimal digits at `at`, or NaN. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** `'23:30'` → 1410 minutes after midnight; throws on anything else. */
export function minutesFromTime(value: string): number {
  const m = TIME_OF_DAY.exec(value);
  if (!m) throw new RangeError(`not a time of day: ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 1410 → `'23:30'`. */
export function timeFromMinutes(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/**
 * The one "not in the future" rule: a day the person logs, ends or collects something on may be
 * their today or earlier, never later (their today comes from their own time zone).
 *
 * @example notInFuture('date', '2026-03-11', '2026-03-10', 'log habits for today or an earlier day') // throws
 */
export function notInFuture(field: string, date: string, today: string, advice?: string): void {
  if (date <= today) return;
  throw new ValidationError(field, `${field} is in the future${advice ? `: ${advice}` : ''}`);
}
