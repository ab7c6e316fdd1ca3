/**
 * The zod forms of the one date check (dates.ts) that every route and input schema uses for dates
 * and timestamps a client sends; nowhere else defines its own.
 *
 * @example z.strictObject({ date: localDate, loggedAt: instant.optional() })
 */
import { z } from 'zod';
import { EARLIEST_DATE, isInstant, isLocalDate, LATEST_DATE } from './dates.ts';

/** A real calendar date `YYYY-MM-DD` from 1900-01-01 to 2100-12-31. */
export const localDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).refine(isLocalDate, {
  error: `must be a real date written YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}`,
});

/** An ISO 8601 date-time with Z or an offset, such as 2026-03-11T08:30:00+01:00, within the same range. */
export const instant = z.string({ error: 'must be an ISO date-time' }).refine(isInstant, {
  error: `must be an ISO date-time with a time zone offset (2026-03-11T08:30:00+01:00), from ${EARLIEST_DATE} to ${LATEST_DATE}`,
});
