/**
 * Recommendations that say why: today's (at most three) cited suggestions, or the support screen
 * when the safety pathway has something to show; dismiss, snooze and undo.
 */
import { z } from 'zod';
import { localDate, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';
import { edgeView } from './knowledge.ts';
import { supportScreen } from './safety.ts';

/** A knowledge-graph edge as pages show it (one schema: contract/knowledge.ts). */
export { edgeView };

export const recommendation = z.strictObject({
  id: z.string(),
  action: z.string(),
  /** What in the person's own data set the rule off. */
  trigger: z.string(),
  about: z.strictObject({ id: z.string(), name: z.string(), summary: z.string() }),
  basis: edgeView,
  experiment: z.strictObject({
    title: z.string(),
    action: z.string(),
    measure: z.string().nullable(),
    recommendationId: z.string(),
  }),
});

/** The card above suggestions once a "talk to a professional" screen has been read. */
export const talkToProfessional = z.strictObject({ heading: z.string(), text: z.string() });

const ruleParams = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a recommendation id like sleep_hours' }),
});

export const getRecommendations = endpoint({
  method: 'GET',
  path: '/api/recommendations',
  summary:
    "Today's suggestions with the evidence behind each, or the support screen when the safety pathway asks for it.",
  output: z.strictObject({
    today: localDate,
    support: supportScreen.nullable(),
    talkToProfessional: talkToProfessional.nullable(),
    recommendations: z.array(recommendation),
    hidden: z.array(
      z.strictObject({ id: z.string(), kind: z.enum(['dismissed', 'snoozed']), until: localDate.nullable() }),
    ),
  }),
});

export const postRecommendationDismissal = endpoint({
  method: 'POST',
  path: '/api/recommendations/:id/dismiss',
  summary: 'Hides one suggestion for good (until undone).',
  params: ruleParams,
  output: z.strictObject({ id: z.string(), kind: z.literal('dismissed'), until: z.null() }),
});

export const postRecommendationSnooze = endpoint({
  method: 'POST',
  path: '/api/recommendations/:id/snooze',
  summary: 'Hides one suggestion for some days (7 unless given): back on day `days`.',
  params: ruleParams,
  body: z
    .strictObject({ days: z.number().int({ error: 'must be a whole number' }).min(1).max(90).default(7) })
    .optional(),
  output: z.strictObject({ id: z.string(), kind: z.literal('snoozed'), until: localDate }),
});

export const deleteRecommendationFeedback = endpoint({
  method: 'DELETE',
  path: '/api/recommendations/:id/feedback',
  summary: 'Undoes a dismissal or snooze.',
  params: ruleParams,
  output: noContent,
  status: 204,
});
