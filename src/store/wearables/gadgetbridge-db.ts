/**
 * Reads a Gadgetbridge database export (Gadgetbridge → Data management → Export DB): the file is
 * opened read-only, checked, and each activity-sample table is walked row by row in device and
 * time order (better-sqlite3's `iterate`, never all rows at once); the rules that turn rows into
 * samples are core's (core/wearables/gadgetbridge.ts).
 *
 * The file is someone's upload, so SQLite is told not to trust it: read-only and query-only, no
 * functions run from its schema (`trusted_schema = OFF`), only real tables (never views) are read,
 * and `quick_check` runs first so a truncated or damaged file is refused in words before any row.
 */
import SQLite from 'better-sqlite3';
import {
  type GadgetbridgeDevice,
  type GadgetbridgeRow,
  gadgetbridgeSamples,
  type PebbleOverlay,
} from '../../core/wearables/gadgetbridge.ts';
import {
  type XiaomiSleep,
  type XiaomiStage,
  xiaomiSleepSamples,
} from '../../core/wearables/gadgetbridge-xiaomi.ts';
import {
  ExportFormatError,
  type ReadOptions,
  SampleGate,
  type WearableRead,
} from '../../core/wearables/reader-kit.ts';
import type { DeviceSample } from '../../core/wearables/samples.ts';

/** Gadgetbridge's DeviceType numbers from before it stored the name (2023): 10 was the Mi Band 1. */
const OLD_DEVICE_TYPES = new Map<number, string>([
  [1, 'PEBBLE'],
  [10, 'MIBAND'],
  [11, 'MIBAND2'],
]);

const SAMPLE_TABLE = /^[A-Z0-9_]+_ACTIVITY_SAMPLE$/;

/**
 * Reads the Gadgetbridge database at `path`.
 * @example for await (const s of readGadgetbridgeDb('/tmp/upload.db', { timeZone: 'Europe/Madrid', today: '2026-12-06' }).samples) …
 */
export function readGadgetbridgeDb(path: string, options: ReadOptions): WearableRead {
  const gate = new SampleGate(options);
  return { samples: gadgetbridgeDbSamples(path, gate), skipped: gate.skipped };
}

async function* gadgetbridgeDbSamples(path: string, gate: SampleGate): AsyncGenerator<DeviceSample> {
  const db = openUntrusted(path);
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const sampleTables = [...tables].filter((t) => SAMPLE_TABLE.test(t)).sort();
    if (!tables.has('DEVICE') || sampleTables.length === 0) {
      throw new ExportFormatError(
        'This database is not a Gadgetbridge export: it has no DEVICE table or activity samples. In Gadgetbridge, use Data management → Export DB and choose the file it writes.',
      );
    }
    const devices = readDevices(db);
    const overlays = tables.has('PEBBLE_HEALTH_ACTIVITY_OVERLAY') ? readPebbleOverlays(db) : [];
    for (const table of sampleTables) {
      const columns = columnsOf(db, table);
      if (!columns.has('TIMESTAMP') || !columns.has('DEVICE_ID')) continue;
      const pick = (column: string, as: string) =>
        columns.has(column) ? `"${column}" AS ${as}` : `NULL AS ${as}`;
      const rows = db
        .prepare(
          `SELECT TIMESTAMP AS timestamp, DEVICE_ID AS deviceId, ${pick('STEPS', 'steps')}, ${pick('HEART_RATE', 'heartRate')}, ` +
            `${pick('RAW_KIND', 'rawKind')}, ${pick('DEEP_SLEEP', 'deepSleep')}, ${pick('REM_SLEEP', 'remSleep')} ` +
            `FROM "${table}" ORDER BY DEVICE_ID, TIMESTAMP`,
        )
        .iterate() as IterableIterator<GadgetbridgeRow>;
      try {
        yield* gate.pass(gadgetbridgeSamples(table, rows, devices, gate.options.timeZone, overlays));
      } catch (e) {
        throw damaged(e);
      }
    }
    if (tables.has('XIAOMI_SLEEP_TIME_SAMPLE')) {
      const { sleeps, stages } = readXiaomiSleep(db, tables.has('XIAOMI_SLEEP_STAGE_SAMPLE'));
      yield* gate.pass(xiaomiSleepSamples(sleeps, stages, devices, gate.options.timeZone));
    }
  } finally {
    db.close();
  }
}

// A sleep a night and a stage row per change: years of them fit in memory (capped all the same).
const XIAOMI_ROWS = 500_000;

function readXiaomiSleep(
  db: SQLite.Database,
  withStages: boolean,
): { sleeps: XiaomiSleep[]; stages: XiaomiStage[] } {
  try {
    const sleeps = db
      .prepare(
        `SELECT DEVICE_ID AS deviceId, TIMESTAMP AS bedtime, WAKEUP_TIME AS wakeup FROM XIAOMI_SLEEP_TIME_SAMPLE LIMIT ${XIAOMI_ROWS}`,
      )
      .all() as XiaomiSleep[];
    const stages = withStages
      ? (db
          .prepare(
            `SELECT DEVICE_ID AS deviceId, TIMESTAMP AS at, STAGE AS stage FROM XIAOMI_SLEEP_STAGE_SAMPLE LIMIT ${XIAOMI_ROWS}`,
          )
          .all() as XiaomiStage[])
      : [];
    return { sleeps, stages };
  } catch (e) {
    throw damaged(e);
  }
}

function openUntrusted(path: string): SQLite.Database {
  let db: SQLite.Database;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw damaged(e);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new ExportFormatError(DAMAGED);
    return db;
  } catch (e) {
    db.close();
    throw damaged(e);
  }
}

const DAMAGED =
  'This database is damaged or cut short (SQLite could not read it whole). Export it from Gadgetbridge again and upload the new file.';

function damaged(e: unknown): Error {
  if (e instanceof ExportFormatError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB')
    return new ExportFormatError(
      'This file is not a database. Gadgetbridge exports its database with Data management → Export DB.',
    );
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new ExportFormatError(DAMAGED);
  return e instanceof Error ? e : new Error(String(e));
}

function columnsOf(db: SQLite.Database, table: string): Set<string> {
  return new Set(
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name),
  );
}

function readDevices(db: SQLite.Database): Map<number, GadgetbridgeDevice> {
  const columns = columnsOf(db, 'DEVICE');
  const typeName = columns.has('TYPE_NAME') ? 'TYPE_NAME' : 'NULL';
  const type = columns.has('TYPE') ? 'TYPE' : 'NULL';
  const rows = db
    .prepare(`SELECT _id AS id, NAME AS name, ${typeName} AS typeName, ${type} AS type FROM DEVICE`)
    .all() as {
    id: number;
    name: string | null;
    typeName: string | null;
    type: number | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: (r.name ?? '').slice(0, 100),
        typeName: r.typeName ?? (r.type === null ? null : (OLD_DEVICE_TYPES.get(r.type) ?? null)),
      },
    ]),
  );
}

function readPebbleOverlays(db: SQLite.Database): PebbleOverlay[] {
  // One row per sleep or nap span: a few thousand over years, read whole (capped).
  return db
    .prepare(
      'SELECT DEVICE_ID AS deviceId, TIMESTAMP_FROM AS "from", TIMESTAMP_TO AS "to", RAW_KIND AS rawKind FROM PEBBLE_HEALTH_ACTIVITY_OVERLAY ORDER BY rowid LIMIT 200000',
    )
    .all() as PebbleOverlay[];
}
