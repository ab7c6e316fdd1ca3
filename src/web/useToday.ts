/** The person's "today" in their own time zone (not the browser's), refreshed each minute. */
import { useEffect, useState } from 'react';
import { localDateAt } from '../core/dates.ts';
import { useSession } from './session.tsx';

export function useToday(): string {
  const { person } = useSession();
  const zone = person?.timeZone ?? 'UTC';
  const [today, setToday] = useState(() => localDateAt(new Date(), zone));
  useEffect(() => {
    setToday(localDateAt(new Date(), zone));
    const t = setInterval(() => setToday(localDateAt(new Date(), zone)), 60_000);
    return () => clearInterval(t);
  }, [zone]);
  return today;
}

/** 'Mon 9 Mar 2026' for a local date, in the browser's language. */
export function formatDate(date: string, opts: Intl.DateTimeFormatOptions = {}): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateFormat(opts).format(new Date(Date.UTC(y, m - 1, d)));
}

// Making an Intl.DateTimeFormat costs far more than using one: a clinic's caseload of 500 people
// formats some 15,000 dates, which took seconds when each call made its own. One per set of options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
    ...opts,
  };
  // Keyed by every option, an `undefined` one too: `{ year: undefined }` (no year) is not `{}`.
  const key = Object.entries(options)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, options);
    dateFormats.set(key, format);
  }
  return format;
}
