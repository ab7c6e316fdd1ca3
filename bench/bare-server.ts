/**
 * The baseline for `bench:load`: a bare Fastify app doing the same database work as Gutbrain's
 * routes — a save reads the person (their time zone), rewrites the day's check-in rows in one
 * transaction and reads what the diary rule needs (the latest dismissal, 14 days of moods); a read
 * selects History's 30 days out of a year — with no sessions, validation, CSRF or security headers.
 * argv: <sqliteFile> <port>
 */
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const [file = '', port = '0'] = process.argv.slice(2);
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const sel0 = db.prepare(
  "select id, measure, value from observation where person_id = ? and date = ? and source = 'checkin'",
);
const del = db.prepare('delete from observation where id = ?');
// The same upsert as Gutbrain's replaceDayObservations, one statement for every new or changed value.
const upserts = new Map<number, SQLite.Statement>();
const upsert = (rows: number) => {
  let stmt = upserts.get(rows);
  if (!stmt) {
    const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, null, 'checkin', ?, ?)").join(', ');
    stmt = db.prepare(
      `insert into observation (id, person_id, date, measure, value, text, source, created_at, updated_at)
       values ${values} on conflict (person_id, date, measure, source) do update set
       value = excluded.value, text = excluded.text, updated_at = excluded.updated_at`,
    );
    upserts.set(rows, stmt);
  }
  return stmt;
};
const person = db.prepare('select * from person where id = ?');
const dismissal = db.prepare(
  "select dismissed_at from safety_dismissal where person_id = ? and kind = 'low_mood_pattern' order by dismissed_at desc limit 1",
);
const moods = db.prepare(
  "select date, value, source from observation where person_id = ? and measure = 'mood' and value is not null and date >= ? and date <= ? order by date",
);
// History's one read (services/checkins.ts): the check-in's, the trackers' and the devices' values.
const sel = db.prepare(
  `select date, measure, value, text, source from observation where person_id = ?
   and source in ('checkin', 'daylio', 'bearable', 'loop', 'apple-health', 'fitbit', 'oura', 'gadgetbridge')
   and date >= ? and date <= ? order by date desc, measure desc`,
);
// The same rewrite as Gutbrain's replaceDayObservations: update what changed, insert what is new.
const save = db.transaction((person: string, date: string, body: Record<string, number>) => {
  const existing = new Map(
    (sel0.all(person, date) as { id: string; measure: string; value: number }[]).map((r) => [r.measure, r]),
  );
  const now = new Date().toISOString();
  for (const [m, r] of existing) if (!(m in body)) del.run(r.id);
  const written = Object.entries(body).filter(([k, v]) => existing.get(k)?.value !== v);
  if (written.length === 0) return;
  upsert(written.length).run(written.flatMap(([k, v]) => [randomUUID(), person, date, k, v, now, now]));
});

const app = Fastify();
app.put<{ Params: { person: string; date: string }; Body: Record<string, number> }>(
  '/bare/:person/:date',
  async (req) => {
    const { time_zone } = person.get(req.params.person) as { time_zone: string };
    save(req.params.person, req.params.date, req.body);
    const today = new Date().toISOString().slice(0, 10);
    dismissal.get(req.params.person);
    const from = new Date(Date.parse(today) - 13 * 86_400_000).toISOString().slice(0, 10);
    return { ok: true, timeZone: time_zone, moods: moods.all(req.params.person, from, today).length };
  },
);
app.get<{ Params: { person: string }; Querystring: { from: string; to: string } }>(
  '/bare/:person',
  async (req) => {
    return { rows: sel.all(req.params.person, req.query.from, req.query.to) };
  },
);
await app.listen({ port: Number(port), host: '127.0.0.1' });
const address = app.server.address();
console.log(`bare listening ${typeof address === 'object' && address ? address.port : port}`);
