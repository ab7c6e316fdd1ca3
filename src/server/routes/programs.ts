/** Programs and enrolments: the route table for src/contract/programs.ts. */
import {
  getEnrolment,
  getEnrolments,
  getEnrolmentsToday,
  getProgram,
  getPrograms,
  postEnrolment,
  postEnrolmentLeave,
  postEnrolmentPause,
  postEnrolmentRestart,
  postEnrolmentResume,
  putEnrolmentChoice,
  putEnrolmentTick,
} from '../../contract/programs.ts';
import { type Route, route } from '../route-table.ts';
import {
  changeEnrolment,
  chooseGoal,
  enrol,
  enrolmentProgressOf,
  enrolments,
  oneProgram,
  programs,
  restartEnrolment,
  tickGoal,
  todaysPrograms,
} from '../services/programs.ts';

export const programRoutes: Route[] = [
  route(getPrograms, async () => programs()),
  route(getProgram, async ({ input }) => oneProgram(input.params.programId)),
  route(getEnrolments, async ({ ctx, actor }) => enrolments(ctx, actor)),
  route(getEnrolmentsToday, async ({ ctx, actor, input }) => todaysPrograms(ctx, actor, input.query.date)),
  route(postEnrolment, async ({ ctx, actor, input }) => enrol(ctx, actor, input.body)),
  route(getEnrolment, async ({ ctx, actor, input }) =>
    enrolmentProgressOf(ctx, actor, input.params.id, input.query.date),
  ),
  route(postEnrolmentPause, async ({ ctx, actor, input }) =>
    changeEnrolment(ctx, actor, 'pause', input.params.id, input.body?.date),
  ),
  route(postEnrolmentResume, async ({ ctx, actor, input }) =>
    changeEnrolment(ctx, actor, 'resume', input.params.id, input.body?.date),
  ),
  route(postEnrolmentLeave, async ({ ctx, actor, input }) =>
    changeEnrolment(ctx, actor, 'leave', input.params.id, input.body?.date),
  ),
  route(postEnrolmentRestart, async ({ ctx, actor, input }) =>
    restartEnrolment(ctx, actor, input.params.id, input.body?.startDate),
  ),
  route(putEnrolmentTick, async ({ ctx, actor, input }) => tickGoal(ctx, actor, input.params.id, input.body)),
  route(putEnrolmentChoice, async ({ ctx, actor, input }) =>
    chooseGoal(ctx, actor, input.params.id, input.body),
  ),
];
