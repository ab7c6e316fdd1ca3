/**
 * `npm run bench:caseload`: a clinic of 500 people with two years of data each (four diary
 * measures a day, PHQ-9, GAD-7 and WHO-5 every two weeks, schedules) on SQLite. It times
 * `GET /api/clinician/clinics/:id/caseload` through the app (session, access checks, every rule,
 * the access-log writes, JSON) against the same SQL run bare through better-sqlite3, median of
 * several runs each, side by side in one process. Target: under 200 ms.
 *
 * Last line: `caseload: <ms> ms (CPU <ms> ms) for <n> people, bare queries: <ms> ms (CPU <ms> ms), ratio <…>`.
 * Both are timed by the wall clock and by this process's CPU time (process.cpuUsage): on a machine
 * shared with other work the wall clock mostly measures waiting for a core, the CPU time the work
 * itself. The ratio is of CPU times.
 * `--quick`: 20 people × 60 days, three runs, so `npm test` can check the bench works.
 * `CASELOAD_FIXTURE=<file>` reuses a database an earlier run built (its path is printed), with a new session.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { addDays, localDateAt } from '../src/core/dates.ts';
import { parseKnowledge } from '../src/core/knowledge/index.ts';
import { buildApp } from '../src/server/app.ts';
import { openStore } from '../src/store/open.ts';
import { hashToken } from '../src/store/sessions.ts';

const quick = process.argv.includes('--quick');
const PEOPLE = Number(process.env.PEOPLE ?? (quick ? 20 : 500));
const DAYS = Number(process.env.DAYS ?? (quick ? 60 : 730));
const RUNS = Number(process.env.RUNS ?? (quick ? 3 : 15));
const MEASURES = ['mood', 'energy_morning', 'sleep_hours', 'stress'];

interface Fixture {
  file: string;
  clinicId: string;
  cookie: string;
  csrf: string;
  today: string;
}

/** Writes the clinic straight through better-sqlite3 (the app's own migrations made the tables). */
async function makeFixture(): Promise<Fixture> {
  const file = join(mkdtempSync(join(tmpdir(), 'gutbrain-caseload-')), 'gutbrain.db');
  const store = await openStore({ sqliteFile: file });
  await store.close();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  const now = new Date().toISOString();
  const today = localDateAt(new Date(), 'UTC');
  const joined = new Date(Date.now() - DAYS * 86_400_000).toISOString();
  const person = db.prepare(
    `insert into person (id, email, password_hash, display_name, time_zone, role, created_at, updated_at)
     values (?, ?, 'x', ?, 'UTC', ?, ?, ?)`,
  );
  const obs = db.prepare(
    `insert into observation (id, person_id, date, measure, value, text, source, created_at, updated_at)
     values (?, ?, ?, ?, ?, null, 'checkin', ?, ?)`,
  );
  const screener = db.prepare(
    `insert into screener_response (id, person_id, instrument, date, answers, raw, score, band, difficulty, triggers, created_at)
     values (?, ?, ?, ?, ?, ?, ?, 'x', null, '[]', ?)`,
  );
  const clinicianId = randomUUID();
  const clinicId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  db.transaction(() => {
    person.run(clinicianId, 'dr@example.com', 'Dr Bench', 'clinician', now, now);
    db.prepare(
      'insert into session (id_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?)',
    ).run(hashToken(token), clinicianId, csrf, now, now, new Date(Date.now() + 86_400_000).toISOString());
    db.prepare('insert into clinic (id, name, created_at) values (?, ?, ?)').run(
      clinicId,
      'Bench Clinic',
      now,
    );
    db.prepare(
      'insert into clinic_staff (id, clinic_id, clinician_id, role, added_at, removed_at) values (?, ?, ?, ?, ?, null)',
    ).run(randomUUID(), clinicId, clinicianId, 'admin', now);
    for (let p = 0; p < PEOPLE; p++) {
      const id = randomUUID();
      person.run(id, `p${p}@example.com`, `Person ${p}`, 'person', now, now);
      const membership = randomUUID();
      db.prepare(
        `insert into clinic_membership (id, clinic_id, person_id, kinds, invited_by, joined_at, baseline_from, left_at)
         values (?, ?, ?, '["questionnaires","diary","programs"]', ?, ?, ?, null)`,
      ).run(membership, clinicId, id, clinicianId, joined, addDays(joined.slice(0, 10), -28));
      if (p % 3 === 0)
        db.prepare(
          `insert into clinic_schedule (id, membership_id, person_id, instrument, every_weeks, start_date, set_by, created_at)
           values (?, ?, ?, 'phq9', 2, ?, ?, ?)`,
        ).run(randomUUID(), membership, id, addDays(today, -DAYS), clinicianId, now);
      for (let d = 0; d < DAYS; d++) {
        const date = addDays(today, -d);
        for (const m of MEASURES) obs.run(randomUUID(), id, date, m, 1 + ((p + d + m.length) % 10), now, now);
        if (d % 14 !== p % 14) continue;
        const level = (p + d) % 4;
        const phq = Array.from({ length: 9 }, (_, i) =>
          i === 8 ? (p % 50 === 0 && d < 30 ? 1 : 0) : level % 4,
        );
        const gad = Array.from({ length: 7 }, () => level % 3);
        const who = Array.from({ length: 5 }, () => 5 - level);
        for (const [instrument, items, mult] of [
          ['phq9', phq, 1],
          ['gad7', gad, 1],
          ['who5', who, 4],
        ] as const) {
          const raw = items.reduce((a, b) => a + b, 0);
          const answers = Object.fromEntries(items.map((v, i) => [`${instrument}_${i + 1}`, v]));
          screener.run(
            randomUUID(),
            id,
            instrument,
            date,
            JSON.stringify(answers),
            raw,
            raw * mult,
            `${date}T09:00:00.000Z`,
          );
        }
      }
    }
  })();
  db.close();
  return { file, clinicId, cookie: token, csrf, today };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The caseload's reads, written by hand and run bare: the floor any implementation pays. */
function bareQueries(file: string, clinicId: string, today: string): () => number {
  const db = new SQLite(file, { readonly: true });
  const from = addDays(today, -83);
  return () => {
    const members = db
      .prepare(
        `select m.id, m.person_id, m.joined_at, m.kinds, p.display_name, p.time_zone from clinic_membership m
         join person p on p.id = m.person_id where m.clinic_id = ? and m.left_at is null`,
      )
      .all(clinicId) as { id: string; person_id: string }[];
    const ids = members.map((m) => m.person_id);
    const list = ids.map(() => '?').join(',');
    const packed = `s.date || ' ' || s.created_at || ' ' || s.instrument || ' ' || coalesce(cast(s.score as text), '')
      || ' ' || coalesce(s.support_read_at, '') || ' ' || s.id`;
    const older = db
      .prepare(
        `select m.person_id,
          (select ${packed} from screener_response s where s.person_id = m.person_id and s.instrument = i.instrument
            and s.date >= m.baseline_from order by s.date, s.created_at limit 1) as baseline,
          (select ${packed} from screener_response s where s.person_id = m.person_id and s.instrument = i.instrument
            and s.date < ? order by s.date desc, s.created_at desc limit 1) as before
        from clinic_membership m
        cross join (select 'phq9' as instrument union all select 'gad7' union all select 'who5') i
        where m.clinic_id = ? and m.left_at is null`,
      )
      .all(from, clinicId);
    const recent = db
      .prepare(
        `select s.person_id, string_agg(${packed}, ',') as results
         from screener_response s join clinic_membership m on m.person_id = s.person_id
         where m.clinic_id = ? and m.left_at is null and s.date >= ? group by s.person_id`,
      )
      .all(clinicId, from) as { results: string }[];
    for (const r of recent) for (const e of r.results.split(',').sort()) e.split(' ');
    const scores = [...recent, ...older];
    const answers = db
      .prepare(
        `select id, answers from screener_response where person_id in (${list}) and date >= ?
         and instrument in ('phq9', 'signals')`,
      )
      .all(...ids, from) as { answers: string }[];
    for (const a of answers) JSON.parse(a.answers);
    const moods = db
      .prepare(
        `select person_id, string_agg(date || (case when source = 'checkin' then '=' else '~' end)
           || (case when value = cast(value as bigint) then cast(value as bigint) else value end), ',') as days
         from observation where person_id in (${list}) and measure = 'mood'
         and value is not null and date >= ? and date <= ? group by person_id`,
      )
      .all(...ids, addDays(from, -14), today) as { days: string }[];
    for (const m of moods) m.days.split(',');
    const last = db
      .prepare(
        `select p.id, (select max(o.date) from observation o where o.person_id = p.id) as last
         from person p where p.id in (${list})`,
      )
      .all(...ids);
    const schedules = db
      .prepare(`select * from clinic_schedule where membership_id in (${members.map(() => '?').join(',')})`)
      .all(...members.map((m) => m.id));
    return scores.length + answers.length + moods.length + last.length + schedules.length;
  };
}

/** An earlier run's database: its clinic, and a new session for its clinician. */
function reuseFixture(file: string): Fixture {
  const db = new SQLite(file);
  const staff = db.prepare('select clinic_id, clinician_id from clinic_staff limit 1').get() as {
    clinic_id: string;
    clinician_id: string;
  };
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  db.prepare(
    'insert into session (id_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?)',
  ).run(
    hashToken(token),
    staff.clinician_id,
    csrf,
    now,
    now,
    new Date(Date.now() + 86_400_000).toISOString(),
  );
  db.close();
  return { file, clinicId: staff.clinic_id, cookie: token, csrf, today: localDateAt(new Date(), 'UTC') };
}

async function main() {
  const started = Date.now();
  const reuse = process.env.CASELOAD_FIXTURE;
  const f = reuse ? reuseFixture(reuse) : await makeFixture();
  console.log(
    `fixture: ${PEOPLE} people × ${DAYS} days ${reuse ? 'reused' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${f.file})`,
  );
  const store = await openStore({ sqliteFile: f.file });
  const app = await buildApp({ store, knowledge: parseKnowledge([]), checkOutputs: false });
  const url = `/api/clinician/clinics/${f.clinicId}/caseload`;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const load = async () => {
    const t = performance.now();
    const c = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url, headers: { cookie: `gb_session=${f.cookie}` } });
    const ms = { wall: performance.now() - t, cpu: cpuMs(c) };
    if (res.statusCode !== 200)
      throw new Error(`caseload answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const people = (res.json() as { people: unknown[] }).people.length;
    if (people !== PEOPLE) throw new Error(`caseload has ${people} people, expected ${PEOPLE}`);
    return ms;
  };
  const bare = bareQueries(f.file, f.clinicId, f.today);
  const timeBare = () => {
    const t = performance.now();
    const c = process.cpuUsage();
    bare();
    return { wall: performance.now() - t, cpu: cpuMs(c) };
  };
  // Warm up both (statement caches, JIT), then alternate so both see the same machine.
  await load();
  timeBare();
  const caseloadMs: { wall: number; cpu: number }[] = [];
  const bareMs: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    caseloadMs.push(await load());
    bareMs.push(timeBare());
  }
  await app.close();
  await store.close();
  const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall));
  const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
  const walls = caseloadMs.map((x) => x.wall);
  console.log(
    `runs: ${RUNS}; caseload wall min ${Math.min(...walls).toFixed(1)} ms, max ${Math.max(...walls).toFixed(1)} ms`,
  );
  console.log(
    `caseload: ${wall(caseloadMs).toFixed(1)} ms (CPU ${cpu(caseloadMs).toFixed(1)} ms) for ${PEOPLE} people, ` +
      `bare queries: ${wall(bareMs).toFixed(1)} ms (CPU ${cpu(bareMs).toFixed(1)} ms), ratio ${(cpu(caseloadMs) / cpu(bareMs)).toFixed(2)}`,
  );
}

await main();
