/**
 * Programs: the definitions, enrolling, pause / resume / leave / restart (logged data is never
 * touched), today's goals, the calendar, streaks, completion per week and the end report.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
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
import { getPerson } from '../../store/people.ts';
import {
  createEnrolment,
  getEnrolment,
  getMarks,
  listEnrolments,
  saveEnrolment,
  setChoice,
  setTick,
} from '../../store/programs.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { programCatalogue } from '../program-files.ts';

const idParams = z.strictObject({ id: z.uuid({ error: 'must be an id' }) });
const programParams = z.strictObject({ programId: z.string().max(60) });
const enrolBody = z.strictObject({
  programId: z.string({ error: 'must be a program id' }).max(60),
  startDate: localDate.optional(),
});
const dateBody = z.strictObject({ date: localDate.optional() }).optional();
const restartBody = z.strictObject({ startDate: localDate.optional() }).optional();
const tickBody = z.strictObject({
  date: localDate,
  goalId: z.string().max(60),
  ticked: z.boolean({ error: 'must be true or false' }),
});
const choiceBody = z.strictObject({
  goalId: z.string().max(60),
  choice: z.enum(['accepted', 'skipped'], { error: 'must be accepted or skipped' }),
});
const dateQuery = z.strictObject({ date: localDate.optional() });

export type EnrolmentState = 'upcoming' | 'active' | 'paused' | 'left' | 'completed';

function stateOf(p: Program, e: Enrolment, lastDay: string | undefined, today: string): EnrolmentState {
  if (e.status === 'left') return 'left';
  if (e.status === 'paused') return 'paused';
  if (e.startDate > today) return 'upcoming';
  if (programLength(p) !== undefined && lastDay !== undefined && lastDay < today) return 'completed';
  return 'active';
}

export function registerProgramRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  // The shipped programs and any a clinic put in PROGRAMS_DIR, validated now: a bad file stops start-up.
  programCatalogue(process.env.PROGRAMS_DIR || undefined);

  async function todayOf(personId: string): Promise<string> {
    return localDateAt(ctx.now(), (await getPerson(db, personId)).time_zone);
  }

  function programOf(e: Enrolment): Program {
    const p = programById(e.programId);
    if (!p) throw new NotFoundError('program');
    return p;
  }

  /** Everything the Programs page and Today need about one enrolment, as seen on `date`. */
  async function progressOf(personId: string, e: Enrolment, today: string, date = today) {
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

  app.get('/api/programs', async (req) => {
    requirePerson(req);
    return { programs: allPrograms().map((p) => ({ ...p, lengthDays: programLength(p) ?? null })) };
  });

  app.get('/api/programs/:programId', async (req) => {
    requirePerson(req);
    const { programId } = parseInput(programParams, req.params, 'params');
    const p = programById(programId);
    if (!p) throw new NotFoundError('program');
    return { program: { ...p, lengthDays: programLength(p) ?? null } };
  });

  app.get('/api/enrolments', async (req) => {
    const personId = requirePerson(req);
    return { enrolments: await listEnrolments(db, personId) };
  });

  app.get('/api/enrolments/today', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(dateQuery, req.query, 'query');
    const today = await todayOf(personId);
    const date = q.date && q.date <= today ? q.date : today;
    const current = (await listEnrolments(db, personId)).filter((e) => e.status !== 'left');
    const programs = [];
    for (const e of current) {
      const p = await progressOf(personId, e, today, date);
      programs.push({
        enrolment: p.enrolment,
        program: p.program,
        state: p.state,
        day: p.day,
        streaks: p.streaks,
      });
    }
    return { date, programs };
  });

  app.post('/api/enrolments', async (req, reply) => {
    const personId = requirePerson(req);
    const body = parseInput(enrolBody, req.body, 'body');
    if (!programById(body.programId))
      throw new ValidationError('programId', 'programId is not a program we have');
    const existing = (await listEnrolments(db, personId)).find(
      (e) => e.programId === body.programId && e.status !== 'left',
    );
    if (existing)
      throw new ConflictError('You are already in this program: restart it instead.', 'programId');
    const e = await createEnrolment(
      db,
      personId,
      body.programId,
      body.startDate ?? (await todayOf(personId)),
      ctx.now(),
    );
    return reply.code(201).send(await progressOf(personId, e, await todayOf(personId)));
  });

  app.get('/api/enrolments/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const q = parseInput(dateQuery, req.query, 'query');
    const e = await getEnrolment(db, personId, id);
    const today = await todayOf(personId);
    return progressOf(personId, e, today, q.date ?? today);
  });

  const transitions = {
    pause: pauseEnrolment,
    resume: resumeEnrolment,
    leave: leaveEnrolment,
  } as const;
  for (const [action, change] of Object.entries(transitions)) {
    app.post(`/api/enrolments/:id/${action}`, async (req) => {
      const personId = requirePerson(req);
      const { id } = parseInput(idParams, req.params, 'params');
      const body = parseInput(dateBody, req.body, 'body');
      const today = await todayOf(personId);
      const e = change(await getEnrolment(db, personId, id), body?.date ?? today);
      await saveEnrolment(db, personId, e, ctx.now());
      return progressOf(personId, e, today);
    });
  }

  app.post('/api/enrolments/:id/restart', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const body = parseInput(restartBody, req.body, 'body');
    const today = await todayOf(personId);
    const startDate = body?.startDate ?? today;
    const old = await getEnrolment(db, personId, id);
    if (old.status !== 'left') {
      const left = leaveEnrolment(old, addDays(startDate, -1));
      await saveEnrolment(db, personId, left, ctx.now());
    }
    const fresh = await createEnrolment(db, personId, old.programId, startDate, ctx.now());
    return reply.code(201).send(await progressOf(personId, fresh, today));
  });

  app.put('/api/enrolments/:id/ticks', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const body = parseInput(tickBody, req.body, 'body');
    const today = await todayOf(personId);
    if (body.date > today) throw new ValidationError('date', 'date is in the future');
    const e = await getEnrolment(db, personId, id);
    const before = await progressOf(personId, e, today, body.date);
    if (!before.day) throw new ValidationError('date', 'date is not a day of this program');
    const goal = before.day.goals.find((g) => g.id === body.goalId);
    if (!goal) throw new ValidationError('goalId', 'goalId is not a goal of this program on that date');
    if (!goal.manual)
      throw new ValidationError('goalId', 'this goal is ticked from what you log, not by hand');
    await setTick(db, personId, e.id, body.date, body.goalId, body.ticked, ctx.now());
    return progressOf(personId, e, today, body.date);
  });

  app.put('/api/enrolments/:id/choices', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const body = parseInput(choiceBody, req.body, 'body');
    const e = await getEnrolment(db, personId, id);
    const goal = programOf(e)
      .weeks.flatMap((w) => w.adds)
      .find((g) => g.id === body.goalId);
    if (!goal) throw new ValidationError('goalId', 'goalId is not a goal of this program');
    if (!goal.optional) throw new ValidationError('goalId', 'only optional goals can be accepted or skipped');
    await setChoice(db, personId, e.id, body.goalId, body.choice, ctx.now());
    return progressOf(personId, e, await todayOf(personId));
  });
}
