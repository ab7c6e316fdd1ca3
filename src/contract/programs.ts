/**
 * Programs and enrolments: the definitions, enrolling, pause / resume / leave / restart (logged
 * data is never touched), today's goals, the calendar, streaks, completion per week and the end
 * report. Rules: core/programs.
 */
import { z } from 'zod';
import { goalSchema, programSchema } from '../core/programs/schema.ts';
import { id, localDate } from './common.ts';
import { endpoint } from './endpoint.ts';

const enrolmentParams = z.strictObject({ id });

/** A program as defined (core/programs/schema.ts), with its length in days (null: open-ended). */
export const program = z.strictObject({ ...programSchema.shape, lengthDays: z.number().nullable() });

export const enrolment = z.strictObject({
  id: z.string(),
  programId: z.string(),
  startDate: localDate,
  status: z.enum(['active', 'paused', 'left']),
  /** `to` is the last paused date; null while still paused. */
  pauses: z.array(z.strictObject({ from: localDate, to: localDate.nullable() })),
  /** The last date of a program that was left. */
  endedOn: localDate.nullable(),
});

export const enrolmentState = z.enum(['upcoming', 'active', 'paused', 'left', 'completed']);

const programSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  openEnded: z.boolean(),
  lengthDays: z.number().nullable(),
});

export const goalResult = z.strictObject({
  status: z.enum(['met', 'not_met', 'unknown']),
  value: z.number().optional(),
  target: z.number().optional(),
  /** What to log (unknown) or how far off (not met), in plain words. */
  hint: z.string().optional(),
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  period: z.enum(['day', 'week']),
  manual: z.boolean(),
  optional: z.boolean(),
  choice: z.enum(['accepted', 'skipped']).nullable(),
  caution: goalSchema.shape.caution,
  node: z.string().optional(),
  evidence: goalSchema.shape.evidence,
  /** Counts towards the day's completion, streaks and weekly completion. */
  required: z.boolean(),
  /** Something towards this goal was done on this very day (for the calendar). */
  doneThisDay: z.boolean(),
});

export const dayProgress = z.strictObject({
  date: localDate,
  day: z.number(),
  week: z.number(),
  weekTitle: z.string(),
  goals: z.array(goalResult),
  /** Every required daily goal met. */
  complete: z.boolean(),
  dailyMet: z.number(),
  dailyRequired: z.number(),
});

export const streaks = z.strictObject({
  current: z.number(),
  best: z.number(),
  unit: z.enum(['days', 'weeks']),
});

const weekAverage = z.strictObject({ mean: z.number().nullable(), days: z.number() });

/** Everything the Programs page needs about one enrolment, as seen on a date. */
export const enrolmentProgress = z.strictObject({
  enrolment,
  program: programSummary,
  state: enrolmentState,
  today: localDate,
  day: dayProgress.nullable(),
  calendar: z.array(
    z.strictObject({
      date: localDate,
      day: z.number(),
      week: z.number(),
      state: z.enum(['complete', 'partial', 'none', 'future']),
      met: z.array(z.string()),
    }),
  ),
  streaks,
  weeks: z.array(
    z.strictObject({
      week: z.number(),
      title: z.string(),
      daysElapsed: z.number(),
      daysInWeek: z.number(),
      goalsMet: z.number(),
      goalsDue: z.number(),
      percent: z.number().nullable(),
    }),
  ),
  report: z
    .strictObject({
      firstWeek: z.number(),
      lastWeek: z.number(),
      final: z.boolean(),
      measures: z.array(
        z.strictObject({
          measure: z.enum(['mood', 'energy', 'focus', 'sleep_quality']),
          label: z.string(),
          first: weekAverage,
          last: weekAverage,
          change: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});

const dateQuery = z.strictObject({ date: localDate.optional() });

export const getPrograms = endpoint({
  method: 'GET',
  path: '/api/programs',
  summary: 'Every program (the shipped ones and any a clinic added).',
  output: z.strictObject({ programs: z.array(program) }),
});

export const getProgram = endpoint({
  method: 'GET',
  path: '/api/programs/:programId',
  summary: 'One program.',
  params: z.strictObject({ programId: z.string().max(60) }),
  output: z.strictObject({ program }),
});

export const getEnrolments = endpoint({
  method: 'GET',
  path: '/api/enrolments',
  summary: "The person's enrolments, newest first.",
  output: z.strictObject({ enrolments: z.array(enrolment) }),
});

export const getEnrolmentsToday = endpoint({
  method: 'GET',
  path: '/api/enrolments/today',
  summary: "The goals of every program the person is in, for today or an earlier date (Today's goal list).",
  query: dateQuery,
  output: z.strictObject({
    date: localDate,
    programs: z.array(
      z.strictObject({
        enrolment,
        program: programSummary,
        state: enrolmentState,
        day: dayProgress.nullable(),
        streaks,
      }),
    ),
  }),
});

export const postEnrolment = endpoint({
  method: 'POST',
  path: '/api/enrolments',
  summary: 'Enrols in a program (from today unless a start date is given).',
  body: z.strictObject({
    programId: z.string({ error: 'must be a program id' }).max(60),
    startDate: localDate.optional(),
  }),
  output: enrolmentProgress,
  status: 201,
});

export const getEnrolment = endpoint({
  method: 'GET',
  path: '/api/enrolments/:id',
  summary:
    'One enrolment: the day, calendar, streaks, weeks and end report, as seen on a date (today unless given).',
  params: enrolmentParams,
  query: dateQuery,
  output: enrolmentProgress,
});

const changeBody = z.strictObject({ date: localDate.optional() }).optional();

export const postEnrolmentPause = endpoint({
  method: 'POST',
  path: '/api/enrolments/:id/pause',
  summary: 'Pauses an enrolment from a date (today unless given); paused days are not program days.',
  params: enrolmentParams,
  body: changeBody,
  output: enrolmentProgress,
});

export const postEnrolmentResume = endpoint({
  method: 'POST',
  path: '/api/enrolments/:id/resume',
  summary: 'Resumes a paused enrolment on a date (today unless given).',
  params: enrolmentParams,
  body: changeBody,
  output: enrolmentProgress,
});

export const postEnrolmentLeave = endpoint({
  method: 'POST',
  path: '/api/enrolments/:id/leave',
  summary: 'Leaves a program on a date (today unless given); what was logged stays.',
  params: enrolmentParams,
  body: changeBody,
  output: enrolmentProgress,
});

export const postEnrolmentRestart = endpoint({
  method: 'POST',
  path: '/api/enrolments/:id/restart',
  summary: 'Starts the program again (today unless given), leaving the old enrolment the day before.',
  params: enrolmentParams,
  body: z.strictObject({ startDate: localDate.optional() }).optional(),
  output: enrolmentProgress,
  status: 201,
});

export const putEnrolmentTick = endpoint({
  method: 'PUT',
  path: '/api/enrolments/:id/ticks',
  summary: 'Ticks (or unticks) a goal done by hand on a day (today or earlier).',
  params: enrolmentParams,
  body: z.strictObject({
    date: localDate,
    goalId: z.string().max(60),
    ticked: z.boolean({ error: 'must be true or false' }),
  }),
  output: enrolmentProgress,
});

export const putEnrolmentChoice = endpoint({
  method: 'PUT',
  path: '/api/enrolments/:id/choices',
  summary: 'Accepts or skips an optional goal.',
  params: enrolmentParams,
  body: z.strictObject({
    goalId: z.string().max(60),
    choice: z.enum(['accepted', 'skipped'], { error: 'must be accepted or skipped' }),
  }),
  output: enrolmentProgress,
});
