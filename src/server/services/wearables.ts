/**
 * Wearables: import an export (read in a worker, one per person at a time, written in one
 * transaction), list what was imported, set the order of origins, delete one export's data.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { deviceValue, getDeviceDay, getWearables, importWearables } from '../../contract/wearables.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { rankOrigins } from '../../core/wearables/priority.ts';
import '../../core/wearables/measures.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { WEARABLE_SOURCES, type WearableSource } from '../../core/wearables/samples.ts';
import { databaseUploadLease } from '../../store/upload-lease.ts';
import {
  type DateSpan,
  type DeviceDayValue,
  deleteDeviceSource,
  deviceDays,
  getDevicePriority,
  listDeviceOrigins,
  listDeviceSources,
  previousDeviceImport,
  recordDeviceImport,
  saveDeviceDays,
  setDevicePriority,
} from '../../store/wearables.ts';
import { UploadGate } from '../microbiome/upload-gate.ts';
import { DEFAULT_READER_LIMITS } from '../wearables/limits.ts';
import { guessSource, SOURCE_NAMES } from '../wearables/readers.ts';
import { spoolUpload } from '../wearables/spool.ts';
import { DEFAULT_WEARABLE_WORKER, readWearableFile } from '../wearables/wearable-reader.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

export type WearableContext = Pick<AppContext, 'store' | 'now' | 'uploads'>;
type ImportSummary = OutputOf<typeof importWearables>;
export type DeviceValue = z.infer<typeof deviceValue>;

/** Largest upload: Apple's export.zip of years of watch data runs to a few GB. */
export const WEARABLE_UPLOAD_BYTES = 4 * 2 ** 30;

const gates = new WeakMap<object, UploadGate>();
function gateOf(ctx: WearableContext): UploadGate {
  let gate = gates.get(ctx.store);
  if (!gate) {
    // The same per-person turn as data imports (lease 'import'), with this import's own time limit.
    gate = new UploadGate(
      {
        ...ctx.uploads,
        timeMs: DEFAULT_WEARABLE_WORKER.timeMs,
        workerHeapMb: DEFAULT_WEARABLE_WORKER.workerHeapMb,
      },
      databaseUploadLease(ctx.store.db, 'import'),
    );
    gates.set(ctx.store, gate);
  }
  return gate;
}

interface FileOnDisk {
  path: string;
  name: string;
  sha256: string;
}

async function importFile(
  ctx: WearableContext,
  actor: Actor,
  file: FileOnDisk,
  asked: WearableSource | undefined,
): Promise<ImportSummary> {
  const source = asked ?? (await guessSource(file.path));
  if (!source) {
    throw new ValidationError(
      'source',
      'Gutbrain could not tell which app made this file. Say which: Apple Health, Fitbit, Oura or Gadgetbridge.',
      'unknown_source',
    );
  }
  const { db } = ctx.store;
  const { today, timeZone } = await personToday(ctx, actor.personId);
  const priority = await getDevicePriority(db, actor.personId);
  const truth = await readWearableFile(
    { path: file.path, source, timeZone, today, priority, limits: DEFAULT_READER_LIMITS },
    DEFAULT_WEARABLE_WORKER,
  );
  if (truth.values.length === 0) {
    throw new ValidationError(
      'file',
      `This ${SOURCE_NAMES[source]} export holds nothing Gutbrain reads (steps, sleep, resting heart rate, heart-rate variability, breathing rate, mindful minutes, daylight or workouts) up to today.`,
      'no_device_data',
    );
  }
  const previous = await previousDeviceImport(db, actor.personId, file.sha256);
  const saved = await db.transaction().execute(async (trx) => {
    const result = await saveDeviceDays(trx, actor.personId, source, truth.values, ctx.now());
    await recordDeviceImport(trx, actor.personId, source, file.name, file.sha256, result.added, ctx.now());
    return result;
  });
  return {
    source,
    sourceName: SOURCE_NAMES[source],
    fileName: file.name,
    previousImport: previous ?? null,
    from: truth.from,
    to: truth.to,
    values: truth.values.length,
    ...saved,
    samples: truth.samples,
    skipped: truth.skipped,
    origins: truth.origins,
  };
}

/** Imports an uploaded export (the request body, as bytes). */
export async function importWearableUpload(
  ctx: WearableContext,
  actor: Actor,
  body: AsyncIterable<Uint8Array>,
  query: { source?: WearableSource; name?: string },
): Promise<ImportSummary> {
  return gateOf(ctx).run(actor.personId, async () => {
    const file = await spoolUpload(body, WEARABLE_UPLOAD_BYTES);
    try {
      return await importFile(
        ctx,
        actor,
        { path: file.path, name: query.name ?? 'export', sha256: file.sha256 },
        query.source,
      );
    } finally {
      await file.remove();
    }
  });
}

/** Imports an export from a file on this machine (the CLI, the benchmark). */
export async function importWearablePath(
  ctx: WearableContext,
  actor: Actor,
  path: string,
  source?: WearableSource,
): Promise<ImportSummary> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const name = path.split(/[\\/]/).pop() ?? 'export';
  return gateOf(ctx).run(actor.personId, () =>
    importFile(ctx, actor, { path, name, sha256: hash.digest('hex') }, source),
  );
}

export async function wearablesOverview(
  ctx: WearableContext,
  actor: Actor,
): Promise<OutputOf<typeof getWearables>> {
  const { db } = ctx.store;
  const sources = await listDeviceSources(db, actor.personId, WEARABLE_SOURCES);
  const priority = await getDevicePriority(db, actor.personId);
  const names = await listDeviceOrigins(db, actor.personId);
  return {
    sources: sources.map((s) => ({
      ...s,
      source: s.source as WearableSource,
      sourceName: SOURCE_NAMES[s.source as WearableSource],
    })),
    origins: rankOrigins(
      names.map((name) => ({ name, devices: [] })),
      priority,
    ),
    priority,
  };
}

export async function changeDevicePriority(
  ctx: WearableContext,
  actor: Actor,
  origins: readonly string[],
): Promise<OutputOf<typeof getWearables>> {
  const unique = [...new Set(origins)];
  await setDevicePriority(ctx.store.db, actor.personId, unique, ctx.now());
  return wearablesOverview(ctx, actor);
}

export async function removeWearableSource(
  ctx: WearableContext,
  actor: Actor,
  source: WearableSource,
): Promise<void> {
  const gone = await deleteDeviceSource(ctx.store.db, actor.personId, source);
  if (gone === 0) throw new NotFoundError(`data from ${SOURCE_NAMES[source]}`);
}

/** A stored device value as the contract gives it: with its measure's label and unit and the export's name. */
function describeDeviceValue({ date: _date, ...v }: DeviceDayValue): DeviceValue {
  const m = measureByKey(v.measure);
  const source = v.source as WearableSource;
  return {
    ...v,
    label: m?.label ?? v.measure,
    unit: m?.unit ?? null,
    source,
    sourceName: SOURCE_NAMES[source],
  };
}

/**
 * The person's device values in `span`, by date (History lists them beside the check-ins). The
 * one reading of device days: GET /api/wearables/days/:date is the span of one date.
 */
export async function deviceValuesByDate(
  ctx: Pick<AppContext, 'store'>,
  personId: string,
  span: DateSpan,
): Promise<Map<string, DeviceValue[]>> {
  const byDate = new Map<string, DeviceValue[]>();
  for (const v of await deviceDays(ctx.store.db, personId, span, WEARABLE_SOURCES)) {
    const day = byDate.get(v.date);
    if (day) day.push(describeDeviceValue(v));
    else byDate.set(v.date, [describeDeviceValue(v)]);
  }
  return byDate;
}

export async function deviceDay(
  ctx: WearableContext,
  actor: Actor,
  date: string,
): Promise<OutputOf<typeof getDeviceDay>> {
  const byDate = await deviceValuesByDate(ctx, actor.personId, { from: date, to: date });
  return { date, values: byDate.get(date) ?? [] };
}
