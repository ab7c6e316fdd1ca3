import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportDocument } from '../../src/core/export/document.ts';
import { linksOtherAccounts } from '../../src/core/import/merge.ts';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { importTables, NOT_EXPORTED } from '../../src/store/ownership.ts';
import { describeSchema, personTables } from '../../src/store/schema-walk.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { fillEveryPersonTable, normaliseExport, rowsOwnedBy } from '../support/owned-rows.ts';

const commitSkipped = (tables: { table: string; skipped?: string }[]) =>
  tables.filter((t) => t.skipped).map((t) => t.table);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe.each(testEngines())('data ownership on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    // An empty graph: these routes never read it, and the tests stay independent of its content.
    app = await buildApp({ store, now: () => now, knowledge: parseKnowledge([]) });
    alice = await registerClient(app);
    await alice.put('/api/checkins/2026-03-01', {
      mood: 7,
      bedtime: '23:15',
      wakeTime: '07:00',
      note: 'Kefir, "quoted", a comma',
    });
    await alice.put('/api/checkins/2026-03-02', { mood: 4, bloating: 3 });
    await fillEveryPersonTable(store, alice.personId as string);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const exportOf = async (c: TestClient) => {
    const res = await c.get('/api/export/json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="gutbrain-export-2026-03-10\.json"$/,
    );
    return parseExportDocument(res.json());
  };

  it('walks the live schema: every table with person_id, keys and references included', async () => {
    const tables = personTables(await describeSchema(store));
    const names = tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['observation', 'session', 'import_record', 'screener_response']),
    );
    const observation = tables.find((t) => t.name === 'observation');
    expect(observation?.primaryKey).toEqual(['id']);
    expect(observation?.uniques).toContainEqual(['person_id', 'date', 'measure', 'source']);
    expect(observation?.foreignKeys).toContainEqual({
      column: 'person_id',
      refTable: 'person',
      refColumn: 'id',
    });
    expect(observation?.columns.find((c) => c.name === 'value')).toMatchObject({
      type: 'real',
      nullable: true,
    });
  });

  it('answers 401 to every ownership route without a session', async () => {
    const anon = client(app);
    for (const url of [
      '/api/export/json',
      '/api/export/kinds',
      '/api/export/csv/observation',
      '/api/export/fhir',
      '/api/imports',
    ]) {
      expect((await anon.get(url)).statusCode).toBe(401);
    }
    const body = { source: 'gutbrain', files: [{ name: 'x.json', content: '{}' }] };
    expect((await anon.post('/api/import/preview', body)).statusCode).toBe(401);
    expect((await anon.post('/api/import/commit', body)).statusCode).toBe(401);
  });

  it('exports every person table except sessions and push bookkeeping, without person_id', async () => {
    expect(Object.keys(NOT_EXPORTED).sort()).toEqual(['push_subscription', 'reminder_push', 'session']);
    const doc = await exportOf(alice);
    const expected = personTables(await describeSchema(store))
      .map((t) => t.name)
      .filter((n) => !(n in NOT_EXPORTED))
      .sort();
    expect(Object.keys(doc.tables).sort()).toEqual(expected);
    for (const rows of Object.values(doc.tables))
      for (const r of rows) expect(r).not.toHaveProperty('person_id');
    expect(doc.tables.observation?.filter((r) => r.source === 'checkin')).toHaveLength(6);
    expect(doc.migrations).toContain('0007_ownership');
  });

  it('round trip: export → new account → import → export is identical apart from ids', async () => {
    const first = await exportOf(alice);
    const bob = await registerClient(app);
    const file = { name: 'alice.json', content: JSON.stringify(first) };
    const preview = await bob.post('/api/import/preview', { source: 'gutbrain', files: [file] });
    expect(preview.statusCode).toBe(200);
    const obs = preview.json().tables.find((t: { table: string }) => t.table === 'observation');
    expect(obs).toMatchObject({
      rows: first.tables.observation?.length,
      added: first.tables.observation?.length,
      present: 0,
    });
    expect(obs.dateRange).toEqual({ from: '2026-02-10', to: '2026-03-02' });
    expect(total(await rowsOwnedBy(store, bob.personId as string))).toBe(1); // only Bob's session

    const commit = await bob.post('/api/import/commit', { source: 'gutbrain', files: [file] });
    expect(commit.statusCode).toBe(200);
    const second = await exportOf(bob);
    // Sharing rows point at other accounts on this server: exported, never imported.
    const sharing = personTables(await describeSchema(store))
      .filter(linksOtherAccounts)
      .map((t) => t.name);
    expect(sharing).toEqual(expect.arrayContaining(['access_grant', 'access_log', 'program_assignment']));
    const skipped = commitSkipped(commit.json().tables);
    expect(skipped.sort()).toEqual([...sharing].sort());
    const omit = ['import_record', ...sharing];
    expect(await normaliseExport(store, second, omit)).toEqual(await normaliseExport(store, first, omit));
    expect(second.tables.import_record).toHaveLength((first.tables.import_record?.length ?? 0) + 1);

    // Re-importing the same file adds nothing.
    const before = await rowsOwnedBy(store, bob.personId as string);
    const again = await bob.post('/api/import/commit', { source: 'gutbrain', files: [file] });
    expect(again.statusCode).toBe(200);
    expect(again.json().previousImport).toBe(now.toISOString());
    for (const t of again.json().tables) expect(t.added).toBe(0);
    const after = await rowsOwnedBy(store, bob.personId as string);
    expect({ ...after, import_record: 0 }).toEqual({ ...before, import_record: 0 });
  });

  it('refuses a malformed export naming the row, and stores nothing', async () => {
    const doc = await exportOf(alice);
    const carol = await registerClient(app);
    const before = await rowsOwnedBy(store, carol.personId as string);
    const bad = structuredClone(doc);
    (bad.tables.observation as Record<string, unknown>[])[1] = {
      ...bad.tables.observation?.[1],
      date: '2026-02-30',
    };
    const res = await carol.post('/api/import/commit', {
      source: 'gutbrain',
      files: [{ name: 'bad.json', content: JSON.stringify(bad) }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'row 2 of observation: date "2026-02-30" is not a real date (YYYY-MM-DD)',
    );
    expect(res.json().error.field).toBe('row 2 of observation.date');

    const unknownColumn = structuredClone(doc);
    (unknownColumn.tables.observation as Record<string, unknown>[])[0] = {
      ...doc.tables.observation?.[0],
      colour: 'red',
    };
    const res2 = await carol.post('/api/import/commit', {
      source: 'gutbrain',
      files: [{ name: 'bad.json', content: JSON.stringify(unknownColumn) }],
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toBe('row 1 of observation: "colour" is not a column of observation');

    const notOurs = await carol.post('/api/import/commit', {
      source: 'gutbrain',
      files: [{ name: 'x.json', content: '{"format":"other"}' }],
    });
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.json().error.message).toMatch(/^This is not a Gutbrain export: format/);
    const notJson = await carol.post('/api/import/commit', {
      source: 'gutbrain',
      files: [{ name: 'x.json', content: 'date,mood' }],
    });
    expect(notJson.statusCode).toBe(400);
    expect(await rowsOwnedBy(store, carol.personId as string)).toEqual(before);
  });

  it('a failure half-way through an import leaves nothing behind', async () => {
    const doc = await exportOf(alice);
    const dave = await registerClient(app);
    const before = await rowsOwnedBy(store, dave.personId as string);
    let written = 0;
    await expect(
      importTables(store, dave.personId as string, doc.tables, {
        afterTable: () => {
          written += 1;
          if (written === 2) throw new Error('disk full (injected)');
        },
      }),
    ).rejects.toThrow('disk full (injected)');
    expect(written).toBe(2);
    expect(await rowsOwnedBy(store, dave.personId as string)).toEqual(before);
  });

  it('CSV per kind: quoted fields, only the person’s own rows, unknown kind 404', async () => {
    const kinds = (await alice.get('/api/export/kinds')).json().kinds as { kind: string; rows: number }[];
    expect(kinds.find((k) => k.kind === 'observation')?.rows).toBeGreaterThanOrEqual(6);
    expect(kinds.map((k) => k.kind)).not.toContain('session');
    const res = await alice.get('/api/export/csv/observation');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('id,date,measure,value,text,source,created_at,updated_at');
    expect(res.body).toContain(',2026-03-01,note,,"Kefir, ""quoted"", a comma",checkin,');
    expect(res.body).toContain(',2026-03-01,bedtime,1395,,checkin,');
    const other = await registerClient(app);
    const theirs = await other.get('/api/export/csv/observation');
    expect(theirs.body).toBe('id,date,measure,value,text,source,created_at,updated_at\r\n');
    expect((await alice.get('/api/export/csv/session')).statusCode).toBe(404);
    expect((await alice.get('/api/export/csv/person')).statusCode).toBe(404);
    expect((await alice.get('/api/export/csv/no_such_kind')).statusCode).toBe(404);
    expect((await alice.get('/api/export/csv/Robert%27);drop')).statusCode).toBe(400);
  });

  it('account deletion removes every row of every person table', async () => {
    const erin = await registerClient(app, { password: 'correct horse battery' });
    const id = erin.personId as string;
    await erin.put('/api/checkins/2026-03-03', { mood: 6 });
    const filled = await fillEveryPersonTable(store, id);
    const before = await rowsOwnedBy(store, id);
    for (const t of filled) expect(before[t]).toBeGreaterThan(0);
    const res = await erin.delete('/api/account', { password: 'correct horse battery' });
    expect(res.statusCode).toBe(204);
    const after = await rowsOwnedBy(store, id);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, n] of Object.entries(after)) expect({ table, n }).toEqual({ table, n: 0 });
    // Alice's rows are untouched.
    expect(total(await rowsOwnedBy(store, alice.personId as string))).toBeGreaterThan(0);
  });
});
