/** Habits: read, replace and clear one day's habits (stored as observations with source 'habit'). */

import type { OutputOf } from '../../contract/endpoint.ts';
import type { getHabitDay } from '../../contract/habits.ts';
import { notInFuture } from '../../core/dates.ts';
import {
  HABIT_SOURCE,
  type Habits,
  habitsToObservations,
  observationsToHabits,
  sunlightWithinWindow,
} from '../../core/habits/habits.ts';
import { CHECKIN_SOURCE, getDayObservations, replaceDayObservations } from '../../store/observations.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

type HabitDay = OutputOf<typeof getHabitDay>;

/** The day's habits, and whether the sunlight was within 2 h of the check-in's wake time. */
export async function habitDay(ctx: AppContext, actor: Actor, date: string): Promise<HabitDay> {
  const { db } = ctx.store;
  const values = await getDayObservations(db, actor.personId, date, HABIT_SOURCE);
  const wake = (await getDayObservations(db, actor.personId, date, CHECKIN_SOURCE)).find(
    (o) => o.measure === 'wake_time',
  );
  const start = values.find((o) => o.measure === 'morning_sunlight_time');
  const within = sunlightWithinWindow(wake?.value ?? undefined, start?.value ?? undefined);
  return {
    date,
    habits: observationsToHabits(values),
    wakeTimeLogged: wake?.value != null,
    sunlightWithinTwoHoursOfWaking: within ?? null,
  };
}

export async function replaceHabitDay(
  ctx: AppContext,
  actor: Actor,
  date: string,
  habits: Habits,
): Promise<HabitDay> {
  const { today } = await personToday(ctx, actor.personId);
  notInFuture('date', date, today, 'log habits for today or an earlier day');
  await replaceDayObservations(
    ctx.store.db,
    actor.personId,
    date,
    HABIT_SOURCE,
    habitsToObservations(habits),
    ctx.now(),
  );
  return habitDay(ctx, actor, date);
}

export async function clearHabitDay(ctx: AppContext, actor: Actor, date: string): Promise<void> {
  await replaceDayObservations(ctx.store.db, actor.personId, date, HABIT_SOURCE, [], ctx.now());
}
