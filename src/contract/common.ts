/**
 * Schemas that several capabilities share: the one date check, ids, periods and the error body.
 * Dates come from core (core/date-schemas.ts holds the only definition of `localDate`).
 */
import { z } from 'zod';
import { instant, localDate } from '../core/date-schemas.ts';

export { instant, localDate };

/** A path id: a UUID, as every stored thing has. */
export const id = z.uuid({ error: 'must be an id' });
export const idParams = z.strictObject({ id });
export const dateParams = z.strictObject({ date: localDate });

/** An optional period `?from=&to=`; services fill the person's defaults. */
export const periodQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });

/** Every error answer, whatever the status. */
export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** Values to offer the person when the server asks them to pick one (which sample, say). */
    choices: z.array(z.string()).optional(),
  }),
});

/** An answer with nothing in it (204). */
export const noContent = { raw: '', description: 'Nothing: the change is done.' } as const;
