/** Shapes of the habit and program API answers, as the web app reads them (foods: tracking/queries.ts). */

import type { OutputOf } from '../../contract/endpoint.ts';
import type { getHabitDay } from '../../contract/habits.ts';
import type {
  CalendarDay,
  DayProgress,
  EndReport,
  Enrolment,
  Program,
  Streaks,
  WeekCompletion,
} from '../../core/programs/index.ts';

export type HabitDay = OutputOf<typeof getHabitDay>;

export type EnrolmentState = 'upcoming' | 'active' | 'paused' | 'left' | 'completed';

export interface ProgramSummary {
  id: string;
  title: string;
  openEnded: boolean;
  lengthDays: number | null;
}

export interface Progress {
  enrolment: Enrolment;
  program: ProgramSummary;
  state: EnrolmentState;
  today: string;
  day: DayProgress | null;
  calendar: CalendarDay[];
  streaks: Streaks;
  weeks: WeekCompletion[];
  report: EndReport | null;
}

export interface TodayPrograms {
  date: string;
  programs: Pick<Progress, 'enrolment' | 'program' | 'state' | 'day' | 'streaks'>[];
}

export type ProgramDefinition = Program & { lengthDays: number | null };

/** Query keys other pages invalidate after logging, so goals tick without a reload. */
export const GOAL_KEYS = [['enrolments-today'], ['enrolment']] as const;
