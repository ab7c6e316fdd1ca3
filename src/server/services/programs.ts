/**
 * Programs and enrolments: enrol, pause / resume / leave / restart (logged data is never touched),
 * hand ticks and optional-goal choices, and everything the Programs page and Today read about an
 * enrolment — the day's goals, calendar, streaks, completion per week and the end report.
 */
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  enrolmentProgress,
  enrolmentState,
  getEnrolments,
  getEnrolmentsToday,
  getPrograms,
  program,
} from '../../contract/programs.ts';
import { addDays, notInFuture } from '../../core/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.ts';
import {
  allPrograms,
  dayProgress,
  type Enrolment,
  endReport,
  leaveEnrolment,
  type Program,
  pauseEnrolment,
  programById,
  programCalendar,
  programDays,
  programLength,
  programStreaks,
  resumeEnrolment,
  weeklyCompletion,
} from '../../core/programs/index.ts';
import { dayMeasureMatrix } from '../../store/observations.ts';
import {
  createEnrolment,
  getEnrolment,
  getMarks,
  listEnrolments,
  saveEnrolment,
  setChoice,
  setTick,
} from '../../store/programs.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

export type EnrolmentState = z.infer<typeof enrolmentState>;
type Progress = z.infer<typeof enrolmentProgress>;

function stateOf(p: Program, e: Enrolment, lastDay: string | undefined, today: string): EnrolmentState {
  if (e.status === 'left') return 'left';
  if (e.status === 'paused') return 'paused';
  if (e.startDate > today) return 'upcoming';
  if (programLength(p) !== undefined && lastDay !== undefined && lastDay < today) return 'completed';
  return 'active';
}

function programOf(e: Enrolment): Program {
  const p = programById(e.programId);
  if (!p) throw new NotFoundError('program');
  return p;
}

const withLength = (p: Program): z.infer<typeof program> => ({ ...p, lengthDays: programLength(p) ?? null });

/** Everything the Programs page and Today need about one enrolment, as seen on `date`. */
async function progressOf(
  ctx: AppContext,
  personId: string,
  e: Enrolment,
  today: string,
  date = today,
): Promise<Progress> {
  const { db } = ctx.store;
  const program = programOf(e);
  const horizon = program.openEnded ? addDays(today, 6) : addDays(e.startDate, 550);
  let days = programDays(program, e, horizon);
  if (program.openEnded) {
    // Show an open-ended program up to the end of the week under way.
    const current = days.filter((d) => d.date <= today).at(-1)?.weekIndex ?? 0;
    days = days.filter((d) => d.weekIndex <= current);
  }
  const last = days.at(-1)?.date;
  const matrixTo = last && last < today ? last : today;
  const matrix = await dayMeasureMatrix(db, personId, addDays(e.startDate, -14), matrixTo);
  const marks = await getMarks(db, personId, e.id);
  const calendar = programCalendar(program, days, today, matrix, marks);
  const weeks = weeklyCompletion(program, days, today, matrix, marks);
  return {
    enrolment: e,
    program: {
      id: program.id,
      title: program.title,
      openEnded: program.openEnded,
      lengthDays: programLength(program) ?? null,
    },
    state: stateOf(program, e, last, today),
    today,
    day: date <= today ? (dayProgress(program, days, date, matrix, marks) ?? null) : null,
    calendar,
    streaks: programStreaks(program, calendar, weeks, today),
    weeks,
    report: endReport(program, days, today, matrix) ?? null,
  };
}

export function programs(): OutputOf<typeof getPrograms> {
  return { programs: allPrograms().map(withLength) };
}

export function oneProgram(programId: string): { program: z.infer<typeof program> } {
  const p = programById(programId);
  if (!p) throw new NotFoundError('program');
  return { program: withLength(p) };
}

export async function enrolments(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getEnrolments>> {
  return { enrolments: await listEnrolments(ctx.store.db, actor.personId) };
}

/** The goals of every program the person is in, on `date` (today when later or not given). */
export async function todaysPrograms(
  ctx: AppContext,
  actor: Actor,
  asOf: string | undefined,
): Promise<OutputOf<typeof getEnrolmentsToday>> {
  const { today } = await personToday(ctx, actor.personId);
  const date = asOf && asOf <= today ? asOf : today;
  const current = (await listEnrolments(ctx.store.db, actor.personId)).filter((e) => e.status !== 'left');
  const out = [];
  for (const e of current) {
    const p = await progressOf(ctx, actor.personId, e, today, date);
    out.push({ enrolment: p.enrolment, program: p.program, state: p.state, day: p.day, streaks: p.streaks });
  }
  return { date, programs: out };
}

export async function enrol(
  ctx: AppContext,
  actor: Actor,
  body: { programId: string; startDate?: string },
): Promise<Progress> {
  const { db } = ctx.store;
  if (!programById(body.programId))
    throw new ValidationError('programId', 'programId is not a program we have');
  const existing = (await listEnrolments(db, actor.personId)).find(
    (e) => e.programId === body.programId && e.status !== 'left',
  );
  if (existing) throw new ConflictError('You are already in this program: restart it instead.', 'programId');
  const { today } = await personToday(ctx, actor.personId);
  const e = await createEnrolment(db, actor.personId, body.programId, body.startDate ?? today, ctx.now());
  return progressOf(ctx, actor.personId, e, today);
}

export async function enrolmentProgressOf(
  ctx: AppContext,
  actor: Actor,
  id: string,
  date: string | undefined,
): Promise<Progress> {
  const e = await getEnrolment(ctx.store.db, actor.personId, id);
  const { today } = await personToday(ctx, actor.personId);
  return progressOf(ctx, actor.personId, e, today, date ?? today);
}

const TRANSITIONS = { pause: pauseEnrolment, resume: resumeEnrolment, leave: leaveEnrolment } as const;

/** Pause, resume or leave on `date` (today unless given). */
export async function changeEnrolment(
  ctx: AppContext,
  actor: Actor,
  action: keyof typeof TRANSITIONS,
  id: string,
  date: string | undefined,
): Promise<Progress> {
  const { today } = await personToday(ctx, actor.personId);
  const e = TRANSITIONS[action](await getEnrolment(ctx.store.db, actor.personId, id), date ?? today);
  await saveEnrolment(ctx.store.db, actor.personId, e, ctx.now());
  return progressOf(ctx, actor.personId, e, today);
}

export async function restartEnrolment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  start: string | undefined,
): Promise<Progress> {
  const { db } = ctx.store;
  const { today } = await personToday(ctx, actor.personId);
  const startDate = start ?? today;
  const old = await getEnrolment(db, actor.personId, id);
  // Leaving the old and enrolling again are one write: a failure between them must not leave the
  // person out of the program.
  const fresh = await db.transaction().execute(async (trx) => {
    if (old.status !== 'left') {
      await saveEnrolment(trx, actor.personId, leaveEnrolment(old, addDays(startDate, -1)), ctx.now());
    }
    return createEnrolment(trx, actor.personId, old.programId, startDate, ctx.now());
  });
  return progressOf(ctx, actor.personId, fresh, today);
}

export async function tickGoal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { date: string; goalId: string; ticked: boolean },
): Promise<Progress> {
  const { db } = ctx.store;
  const { today } = await personToday(ctx, actor.personId);
  notInFuture('date', body.date, today);
  const e = await getEnrolment(db, actor.personId, id);
  const before = await progressOf(ctx, actor.personId, e, today, body.date);
  if (!before.day) throw new ValidationError('date', 'date is not a day of this program');
  const goal = before.day.goals.find((g) => g.id === body.goalId);
  if (!goal) throw new ValidationError('goalId', 'goalId is not a goal of this program on that date');
  if (!goal.manual) throw new ValidationError('goalId', 'this goal is ticked from what you log, not by hand');
  await setTick(db, actor.personId, e.id, body.date, body.goalId, body.ticked, ctx.now());
  return progressOf(ctx, actor.personId, e, today, body.date);
}

export async function chooseGoal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { goalId: string; choice: 'accepted' | 'skipped' },
): Promise<Progress> {
  const { db } = ctx.store;
  const e = await getEnrolment(db, actor.personId, id);
  const goal = programOf(e)
    .weeks.flatMap((w) => w.adds)
    .find((g) => g.id === body.goalId);
  if (!goal) throw new ValidationError('goalId', 'goalId is not a goal of this program');
  if (!goal.optional) throw new ValidationError('goalId', 'only optional goals can be accepted or skipped');
  await setChoice(db, actor.personId, e.id, body.goalId, body.choice, ctx.now());
  return progressOf(ctx, actor.personId, e, (await personToday(ctx, actor.personId)).today);
}
