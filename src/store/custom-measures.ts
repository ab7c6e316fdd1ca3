/** A person's custom measures. Their values are observations with source 'custom'. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import type { CustomKind, CustomMeasureInput } from '../core/habits/custom-measures.ts';
import type { Database } from './schema.ts';

export interface CustomMeasureRow {
  id: string;
  name: string;
  kind: CustomKind;
  unit: string | null;
}

export async function listCustomMeasures(
  db: Kysely<Database>,
  personId: string,
): Promise<CustomMeasureRow[]> {
  const rows = await db
    .selectFrom('custom_measure')
    .select(['id', 'name', 'kind', 'unit'])
    .where('person_id', '=', personId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as CustomKind }));
}

export async function getCustomMeasure(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<CustomMeasureRow> {
  const m = (await listCustomMeasures(db, personId)).find((x) => x.id === id);
  if (!m) throw new NotFoundError('measure');
  return m;
}

export async function addCustomMeasure(
  db: Kysely<Database>,
  personId: string,
  input: CustomMeasureInput,
  now: Date,
): Promise<CustomMeasureRow> {
  const row = { id: randomUUID(), name: input.name, kind: input.kind, unit: input.unit ?? null };
  await db
    .insertInto('custom_measure')
    .values({ ...row, person_id: personId, created_at: now.toISOString(), archived_at: null })
    .execute();
  return row;
}

/** Archives a custom measure: it leaves the forms, and the values logged stay in the diary. */
export async function archiveCustomMeasure(
  db: Kysely<Database>,
  personId: string,
  id: string,
  now: Date,
): Promise<void> {
  const res = await db
    .updateTable('custom_measure')
    .set({ archived_at: now.toISOString() })
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('measure');
}

/** Sets (or with `value` null, clears) one day's value of a measure from one source, atomically. */
export async function setDayValue(
  db: Kysely<Database>,
  personId: string,
  date: string,
  measure: string,
  source: string,
  value: number | null,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .deleteFrom('observation')
      .where('person_id', '=', personId)
      .where('date', '=', date)
      .where('measure', '=', measure)
      .where('source', '=', source)
      .executeTakeFirst();
    if (value !== null) {
      await trx
        .insertInto('observation')
        .values({
          id: randomUUID(),
          person_id: personId,
          date,
          measure,
          value,
          text: null,
          source,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
    }
    return Number(res.numDeletedRows) > 0;
  });
}

export async function listValues(
  db: Kysely<Database>,
  personId: string,
  measure: string,
  source: string,
  from: string,
  to: string,
): Promise<{ date: string; value: number }[]> {
  const rows = await db
    .selectFrom('observation')
    .select(['date', 'value'])
    .where('person_id', '=', personId)
    .where('measure', '=', measure)
    .where('source', '=', source)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, value: r.value as number }));
}
