/** "Try it with sample data": fills a still-empty account with 180 days of sample data, labelled Demo. */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const loadDemo = endpoint({
  method: 'POST',
  path: '/api/demo',
  summary: 'Fills the signed-in, still-empty account with 180 days of sample data and labels it “(Demo)”.',
  body: z.strictObject({}).optional(),
  output: z.strictObject({
    from: z.string(),
    to: z.string(),
    days: z.number(),
    observations: z.number(),
    questionnaires: z.number(),
    /** The account's name with its "(Demo)" label. */
    displayName: z.string(),
  }),
  status: 201,
});
