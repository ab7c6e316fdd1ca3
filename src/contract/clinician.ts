/**
 * The clinician's side of sharing: the people who granted access, each one's summary (the same one
 * the PDF prints, safety first) and suggesting a program. No live grant answers 404, exactly like
 * a person who does not exist; a person account asking answers 403.
 */
import { z } from 'zod';
import { id, periodQuery } from './common.ts';
import { endpoint } from './endpoint.ts';
import { assignmentStatus, shareKind } from './sharing.ts';

const personParams = z.strictObject({ personId: id });
const num = z.number().nullable();

/** core/sharing/summary.ts `buildSummary`: only the kinds granted are filled, the rest null. */
export const sharedSummary = z.strictObject({
  person: z.strictObject({ displayName: z.string() }),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  kinds: z.array(shareKind),
  notice: z.string(),
  safety: z.strictObject({
    item9: z
      .array(z.strictObject({ date: z.string(), answer: z.number(), answerLabel: z.string() }))
      .nullable(),
    events: z.array(
      z.strictObject({ date: z.string(), level: z.enum(['urgent', 'professional']), words: z.string() }),
    ),
    summary: z.string(),
  }),
  diary: z
    .strictObject({
      days: z.array(
        z.strictObject({ date: z.string(), mood: num, energy: num, sleepHours: num, stress: num }),
      ),
      averages: z.strictObject({
        mood: num,
        energy: num,
        sleepHours: num,
        stress: num,
        daysWithEntries: z.number(),
      }),
      /** Averages from a watch or phone export (issue 20), when the person has any. */
      devices: z
        .strictObject({ steps: num, restingHeartRate: num, hrvSdnn: num, days: z.number() })
        .nullable(),
    })
    .nullable(),
  questionnaires: z
    .array(
      z.strictObject({
        instrument: z.string(),
        name: z.string(),
        scoreLabel: z.string(),
        points: z.array(z.strictObject({ date: z.string(), score: z.number(), band: z.string().nullable() })),
      }),
    )
    .nullable(),
  programs: z
    .array(
      z.strictObject({
        programId: z.string(),
        title: z.string(),
        startDate: z.string(),
        status: z.string(),
        weeks: z.array(z.strictObject({ week: z.number(), percent: num })).readonly(),
      }),
    )
    .nullable(),
  microbiome: z
    .array(z.strictObject({ date: z.string(), label: z.string(), shannonNats: num, observed: num }))
    .nullable(),
});

export const getSharedPeople = endpoint({
  method: 'GET',
  path: '/api/clinician/people',
  summary: 'The people whose grant to this clinician is live today.',
  output: z.strictObject({
    people: z.array(
      z.strictObject({
        personId: z.string(),
        displayName: z.string(),
        kinds: z.array(shareKind),
        untilDate: z.string().nullable(),
      }),
    ),
  }),
});

export const getSharedSummary = endpoint({
  method: 'GET',
  path: '/api/clinician/people/:personId/summary',
  summary:
    "One person's summary of a period (default: the last 90 days); the read lands in their access log.",
  params: personParams,
  query: periodQuery,
  output: z.strictObject({ summary: sharedSummary }),
});

export const getSharedReportPdf = endpoint({
  method: 'GET',
  path: '/api/clinician/people/:personId/report.pdf',
  summary: "One person's summary as a printable PDF; the read lands in their access log.",
  params: personParams,
  query: periodQuery,
  output: { raw: 'application/pdf', description: 'The summary as a PDF.' },
});

export const postSuggestedProgram = endpoint({
  method: 'POST',
  path: '/api/clinician/people/:personId/assignments',
  summary: 'Suggests a program to a person who shares with this clinician; they accept or decline it.',
  params: personParams,
  body: z.strictObject({
    programId: z.string().min(1).max(100),
    note: z.string().trim().max(1000).optional(),
  }),
  output: z.strictObject({
    assignment: z.strictObject({
      id: z.string(),
      programId: z.string(),
      status: assignmentStatus,
      createdAt: z.string(),
    }),
  }),
  status: 201,
});
