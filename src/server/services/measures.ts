/** Measures: everything trackable (for pickers), and the person's own custom measures and values. */
import { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { listCustomMeasures as listCustomMeasuresEndpoint } from '../../contract/measures.ts';
import { notInFuture } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import {
  CUSTOM_SOURCE,
  type CustomMeasureInput,
  customMeasureKey,
  customMeasureToMeasure,
  customValueSchema,
} from '../../core/habits/custom-measures.ts';
import { allMeasures, type Measure } from '../../core/tracking/measures.ts';
import {
  addCustomMeasure,
  archiveCustomMeasure,
  type CustomMeasureRow,
  getCustomMeasure,
  listCustomMeasures,
  listValues,
  setDayValue,
} from '../../store/custom-measures.ts';
import { parseInput } from '../plugins/errors.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

type CustomMeasureView = OutputOf<typeof listCustomMeasuresEndpoint>['measures'][number];

const view = (m: CustomMeasureRow): CustomMeasureView => ({ ...m, measure: customMeasureToMeasure(m) });

export async function trackableMeasures(ctx: AppContext, actor: Actor): Promise<Measure[]> {
  const custom = await listCustomMeasures(ctx.store.db, actor.personId);
  return [...allMeasures(), ...custom.map(customMeasureToMeasure)];
}

export async function ownMeasures(ctx: AppContext, actor: Actor): Promise<CustomMeasureView[]> {
  return (await listCustomMeasures(ctx.store.db, actor.personId)).map(view);
}

export async function addOwnMeasure(
  ctx: AppContext,
  actor: Actor,
  input: CustomMeasureInput,
): Promise<CustomMeasureView> {
  return view(await addCustomMeasure(ctx.store.db, actor.personId, input, ctx.now()));
}

export async function putAwayOwnMeasure(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await archiveCustomMeasure(ctx.store.db, actor.personId, id, ctx.now());
}

export async function ownMeasureValues(
  ctx: AppContext,
  actor: Actor,
  id: string,
  period: { from?: string; to?: string },
): Promise<{ date: string; value: number }[]> {
  const { db } = ctx.store;
  await getCustomMeasure(db, actor.personId, id);
  return listValues(
    db,
    actor.personId,
    customMeasureKey(id),
    CUSTOM_SOURCE,
    period.from ?? '1900-01-01',
    period.to ?? '2999-12-31',
  );
}

/** Sets a day's value, checked by the measure's own kind (a 404 comes before any complaint about the value). */
export async function setOwnMeasureValue(
  ctx: AppContext,
  actor: Actor,
  id: string,
  date: string,
  body: unknown,
): Promise<{ date: string; value: number }> {
  const { db } = ctx.store;
  const m = await getCustomMeasure(db, actor.personId, id);
  const { value } = parseInput(z.strictObject({ value: customValueSchema(m.kind) }), body, 'body');
  const { today } = await personToday(ctx, actor.personId);
  notInFuture('date', date, today);
  await setDayValue(db, actor.personId, date, customMeasureKey(id), CUSTOM_SOURCE, value, ctx.now());
  return { date, value };
}

export async function clearOwnMeasureValue(
  ctx: AppContext,
  actor: Actor,
  id: string,
  date: string,
): Promise<void> {
  const { db } = ctx.store;
  await getCustomMeasure(db, actor.personId, id);
  const removed = await setDayValue(
    db,
    actor.personId,
    date,
    customMeasureKey(id),
    CUSTOM_SOURCE,
    null,
    ctx.now(),
  );
  if (!removed) throw new NotFoundError('value');
}
