/**
 * Clinics end to end on both engines: invitations by link (hashed, single-use, expiring, for one
 * email), consent, the caseload sorted by need with reliable change, response and remission,
 * schedules and what is due, markers and clinic-only notes, the access log, leaving, removed
 * clinicians and other clinics, and the CSV.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const phq9 = (items: number[]) => ({
  answers: Object.fromEntries(items.map((v, i) => [`phq9_${i + 1}`, v])),
});
/** Nine answers adding up to `total` with item 9 at `item9`. */
const phq9Total = (total: number, item9 = 0) => {
  const items = Array.from({ length: 9 }, () => 0);
  items[8] = item9;
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i] as number;
  }
  return phq9(items);
};

describe.each(testEngines())('clinics on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let now = new Date('2026-01-05T12:00:00Z');
  const people: Record<string, TestClient> = {};
  let adams: TestClient;
  let baker: TestClient;
  let other: TestClient;
  let clinicId: string;
  const email = (name: string) => `${name}-${engine}@example.com`;
  const base = () => `/api/clinician/clinics/${clinicId}`;

  const invite = async (by: TestClient, kind: string, to: string) => {
    const res = await by.post(`${base()}/invitations`, { kind, email: to });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; invitation: { id: string }; linkPath: string };
  };

  beforeAll(async () => {
    store = await openTestStore(engine);
    // The story spans three months of a moving clock: sessions live through it.
    const year = 365 * 86_400_000;
    app = await buildApp({
      store,
      now: () => now,
      knowledge: parseKnowledge([]),
      sessionPolicy: { idleMs: year, absoluteMs: year },
    });
    for (const name of ['adams', 'baker', 'other']) {
      const c = await registerClient(app, { email: email(name), displayName: `Dr ${name}` });
      expect((await c.put('/api/sharing/role', { clinician: true })).statusCode).toBe(200);
      if (name === 'adams') adams = c;
      if (name === 'baker') baker = c;
      if (name === 'other') other = c;
    }
    for (const name of ['ann', 'ben', 'cat', 'dan', 'eve', 'fay']) {
      people[name] = await registerClient(app, { email: email(name), displayName: name.toUpperCase() });
    }
    // Baselines on 5 January: Ann 8, Ben 5, Cat 8, Dan 16.
    for (const [name, total] of [
      ['ann', 8],
      ['ben', 5],
      ['cat', 8],
      ['dan', 16],
    ] as const) {
      expect((await people[name]?.post('/api/screeners/phq9', phq9Total(total)))?.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('a clinician account creates a clinic and becomes its admin; a person account cannot', async () => {
    const refused = await people.ann?.post('/api/clinician/clinics', { name: 'Nope' });
    expect(refused?.statusCode).toBe(403);
    expect(refused?.json().error.code).toBe('not_a_clinician');
    const res = await adams.post('/api/clinician/clinics', { name: '  Riverside Clinic ' });
    expect(res.statusCode).toBe(201);
    expect(res.json().clinic).toMatchObject({ name: 'Riverside Clinic', role: 'admin' });
    clinicId = res.json().clinic.id;
    expect((await other.post('/api/clinician/clinics', { name: 'Hilltop' })).statusCode).toBe(201);
    expect(
      (await adams.get('/api/clinician/clinics')).json().clinics.map((c: { name: string }) => c.name),
    ).toEqual(['Riverside Clinic']);
    expect((await adams.post('/api/clinician/clinics', { name: '' })).statusCode).toBe(400);
  });

  it('invitations are links whose token is shown once and stored only as its SHA-256', async () => {
    const staff = await invite(adams, 'clinician', email('baker'));
    expect(staff.linkPath).toBe(`/clinic-invitation#${staff.token}`);
    expect(staff.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await store.db
      .selectFrom('clinic_invitation' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(rows)).not.toContain(staff.token);
    expect(JSON.stringify(rows)).toContain(createHash('sha256').update(staff.token).digest('hex'));
    const preview = await baker.post('/api/clinic-invitations/preview', { token: staff.token });
    expect(preview.json().invitation).toMatchObject({
      kind: 'clinician',
      clinic: { name: 'Riverside Clinic' },
    });
    expect((await baker.post('/api/clinic-invitations/accept', { token: staff.token })).json()).toMatchObject(
      {
        kind: 'clinician',
        membershipId: null,
      },
    );
    // A clinician (not an admin) may invite people but not staff.
    expect(
      (await baker.post(`${base()}/invitations`, { kind: 'admin', email: 'x@example.com' })).statusCode,
    ).toBe(403);
  });

  it('a person sees exactly what would be shared before accepting; the link works once, for that email only', async () => {
    const { token } = await invite(baker, 'person', email('ann'));
    const wrong = await people.ben?.post('/api/clinic-invitations/preview', { token });
    expect(wrong?.statusCode).toBe(403);
    expect(wrong?.body).not.toContain('Riverside');
    const consent = (await people.ann?.post('/api/clinic-invitations/preview', { token }))?.json().invitation;
    expect(consent.shares.map((s: { kind: string }) => s.kind)).toEqual([
      'questionnaires',
      'diary',
      'programs',
    ]);
    expect(consent.clinicians.map((c: { name: string }) => c.name).sort()).toEqual(['Dr adams', 'Dr baker']);
    expect(consent.terms.join(' ')).toContain('leave the clinic at any time');
    expect(consent.invitedBy).toBe('Dr baker');
    const accepted = await people.ann?.post('/api/clinic-invitations/accept', { token });
    expect(accepted?.statusCode).toBe(200);
    const again = await people.ann?.post('/api/clinic-invitations/accept', { token });
    expect(again?.statusCode).toBe(410);
    expect(again?.json().error.code).toBe('invitation_used');
    expect((await people.ann?.post('/api/clinic-invitations/preview', { token: 'short' }))?.statusCode).toBe(
      400,
    );
    expect(
      (await people.ann?.post('/api/clinic-invitations/preview', { token: 'A'.repeat(43) }))?.statusCode,
    ).toBe(404);
  });

  it('an expired or withdrawn invitation no longer works; someone who never accepted is never shown', async () => {
    const late = await invite(adams, 'person', email('fay'));
    const withdrawn = await invite(adams, 'person', email('eve'));
    expect((await adams.delete(`${base()}/invitations/${withdrawn.invitation.id}`)).statusCode).toBe(204);
    expect((await people.eve?.post('/api/clinic-invitations/preview', withdrawn))?.statusCode).toBe(400); // extra fields
    expect(
      (await people.eve?.post('/api/clinic-invitations/accept', { token: withdrawn.token }))?.statusCode,
    ).toBe(404);
    now = new Date('2026-01-13T12:00:00Z'); // 8 days later
    const expired = await people.fay?.post('/api/clinic-invitations/accept', { token: late.token });
    expect(expired?.statusCode).toBe(410);
    expect(expired?.json().error.code).toBe('invitation_expired');
    const names = (await adams.get(`${base()}/caseload`))
      .json()
      .people.map((p: { displayName: string }) => p.displayName);
    expect(names).toEqual(['ANN']);
    for (const who of ['eve', 'fay', 'ben'])
      expect((await adams.get(`${base()}/people/${people[who]?.personId}`)).statusCode).toBe(404);
  });

  it('sorts the caseload by need: safety first, then reliable deterioration, then overdue', async () => {
    for (const name of ['ben', 'cat', 'dan']) {
      const { token } = await invite(adams, 'person', email(name));
      expect((await people[name]?.post('/api/clinic-invitations/accept', { token }))?.statusCode).toBe(200);
    }
    const cat = people.cat as TestClient;
    expect(
      (
        await adams.put(`${base()}/people/${cat.personId}/schedules/gad7`, {
          everyWeeks: 2,
          startDate: '2026-02-01',
        })
      ).json(),
    ).toEqual({ schedule: { instrument: 'gad7', everyWeeks: 2, startDate: '2026-02-01' } });
    expect(
      (await adams.put(`${base()}/people/${cat.personId}/schedules/gad7`, { everyWeeks: 3 })).statusCode,
    ).toBe(400);
    now = new Date('2026-03-01T12:00:00Z');
    await people.ann?.post('/api/screeners/phq9', phq9Total(9, 1)); // item 9: "Several days"
    await people.ben?.post('/api/screeners/phq9', phq9Total(10)); // 5 → 10: reliable (≥ 4), not a safety rise (< 6)
    await people.cat?.post('/api/screeners/phq9', phq9Total(8));
    await people.dan?.post('/api/screeners/phq9', phq9Total(6)); // 16 → 6: response, not remission
    for (const [day, mood] of [
      ['2026-02-27', 4],
      ['2026-02-28', 5],
    ] as const)
      await people.ann?.put(`/api/checkins/${day}`, { mood });
    now = new Date('2026-03-10T12:00:00Z');

    const res = await baker.get(`${base()}/caseload`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const rows = body.people as {
      displayName: string;
      need: { tier: string; reasons: string[] };
      scales: Record<string, unknown>[];
      safetyEvents: { date: string; kind: string; level: string }[];
      moodSeries: { from: string; moods: (number | null)[] };
      lastEntryDate: string | null;
      schedule: { status: string; daysOverdue: number }[];
    }[];
    expect(rows.map((p) => [p.displayName, p.need.tier])).toEqual([
      ['ANN', 'safety'],
      ['BEN', 'deteriorated'],
      ['CAT', 'overdue'],
      ['DAN', 'none'],
    ]);
    expect(rows[0]?.safetyEvents).toEqual([
      expect.objectContaining({ date: '2026-03-01', kind: 'phq9_item9', level: 'urgent' }),
    ]);
    // 12 weeks ending on 10 March: 84 days from 17 December; 27 and 28 February are days 72 and 73.
    expect(rows[0]?.moodSeries.from).toBe('2025-12-17');
    expect(rows[0]?.moodSeries.moods).toHaveLength(84);
    expect(rows[0]?.moodSeries.moods.flatMap((m, i) => (m === null ? [] : [[i, m]]))).toEqual([
      [72, 4],
      [73, 5],
    ]);
    expect(rows[0]?.lastEntryDate).toBe('2026-02-28');
    const benPhq9 = rows[1]?.scales.find((s) => s.instrument === 'phq9');
    // (10 − 5) / (3.5 · √2 · √0.16) = 2.5254 → 2.53.
    expect(benPhq9).toMatchObject({
      baseline: { date: '2026-01-05', score: 5 },
      latest: { date: '2026-03-01', score: 10, band: { label: 'Moderate' } },
      changeSinceBaseline: 5,
      reliableChange: { index: 2.53, verdict: 'deteriorated', criticalChange: 4 },
      response: null,
    });
    expect(rows[2]?.schedule).toEqual([
      expect.objectContaining({
        instrument: 'gad7',
        status: 'overdue',
        dueDate: '2026-02-01',
        daysOverdue: 37,
      }),
    ]);
    const danPhq9 = rows[3]?.scales.find((s) => s.instrument === 'phq9');
    expect(danPhq9).toMatchObject({ changeSinceBaseline: -10, response: true, remission: false });
    expect(body.reliableChangeBasis.map((b: { instrument: string }) => b.instrument)).toEqual([
      'phq9',
      'gad7',
    ]);
    expect(body.notice).toContain('not a diagnosis');
  });

  it('the person sees what is due, the clinics they share with, and every read in their access log', async () => {
    const due = (await people.cat?.get('/api/screeners/due'))?.json();
    expect(due).toEqual({
      today: '2026-03-10',
      questionnaires: [
        {
          instrument: 'gad7',
          name: 'GAD-7',
          everyWeeks: 2,
          lastDate: null,
          dueDate: '2026-02-01',
          status: 'overdue',
          daysOverdue: 37,
          clinicName: 'Riverside Clinic',
        },
      ],
    });
    expect((await people.ann?.get('/api/screeners/due'))?.json().questionnaires).toEqual([]);
    // With questionnaire reminders on (the person's choice), the clinic's schedule brings one.
    const reminders = {
      checkin: { enabled: false, time: '20:00' },
      questionnaire: { enabled: true },
      program: { enabled: false, time: '12:00' },
    };
    expect((await people.cat?.put('/api/reminders', reminders))?.statusCode).toBe(200);
    const reminder = (await people.cat?.get('/api/reminders/due'))?.json().due[0];
    expect(reminder).toMatchObject({
      kind: 'questionnaire',
      detail: 'GAD-7: your clinic asked for this about now.',
    });
    const mine = (await people.cat?.get('/api/clinic-memberships'))?.json().memberships;
    expect(mine).toEqual([
      expect.objectContaining({
        clinic: { name: 'Riverside Clinic' },
        schedule: [{ instrument: 'gad7', everyWeeks: 2, startDate: '2026-02-01' }],
      }),
    ]);
    const log = (await people.ann?.get('/api/sharing/access-log'))?.json().entries;
    expect(log[0]).toMatchObject({
      clinicianName: 'Dr baker (Riverside Clinic)',
      what: 'clinic caseload: questionnaire scores and daily mood',
      readAt: now.toISOString(),
    });
    expect((await people.eve?.get('/api/sharing/access-log'))?.json().entries).toEqual([]);
  });

  it('markers and notes stay with the clinic: on the person page, never in the person’s export', async () => {
    const ann = people.ann as TestClient;
    const url = `${base()}/people/${ann.personId}`;
    expect(
      (await adams.post(`${url}/markers`, { date: '2026-02-01', label: 'Started CBT' })).statusCode,
    ).toBe(201);
    expect((await adams.post(`${url}/notes`, { text: 'Discussed safety plan NOTE42' })).statusCode).toBe(201);
    expect((await other.post(`${url}/notes`, { text: 'not mine' })).statusCode).toBe(404);
    const page = (await baker.get(url)).json();
    expect(page.markers).toEqual([
      expect.objectContaining({ date: '2026-02-01', label: 'Started CBT', createdBy: 'Dr adams' }),
    ]);
    expect(page.notes.map((n: { text: string }) => n.text)).toEqual(['Discussed safety plan NOTE42']);
    expect(
      page.trajectories.find((t: { instrument: string }) => t.instrument === 'phq9').bandLines,
    ).toHaveLength(5);
    expect(page.diary.moodSeries).toEqual([
      { date: '2026-02-27', mood: 4 },
      { date: '2026-02-28', mood: 5 },
    ]);
    expect(page.safetyEvents[0].kind).toBe('phq9_item9');
    const exported = await ann.get('/api/export/json');
    expect(exported.body).not.toContain('NOTE42');
    expect(exported.body).not.toContain('Started CBT');
    expect(exported.json().tables.clinic_membership).toHaveLength(1);
  });

  it('the caseload CSV has one row per person in the order of need', async () => {
    const res = await adams.get(`${base()}/caseload.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trim().split('\r\n');
    expect(
      lines[0]?.startsWith('name,joined,need,reasons,phq9_latest_date,phq9_latest_score,phq9_band'),
    ).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['ANN', 'BEN', 'CAT', 'DAN']);
    expect(lines[4]).toContain(',yes,no,'); // Dan: response yes, remission no
  });

  it('another clinic, a removed clinician and someone who left see nothing', async () => {
    const ann = people.ann as TestClient;
    expect((await other.get(`${base()}/caseload`)).statusCode).toBe(404);
    expect((await other.get(`${base()}/people/${ann.personId}`)).statusCode).toBe(404);
    expect((await people.ben?.get(`${base()}/caseload`))?.statusCode).toBe(403);
    expect((await client(app).get(`${base()}/caseload`)).statusCode).toBe(401);

    const membership = (await ann.get('/api/clinic-memberships')).json().memberships[0].id;
    expect((await people.ben?.delete(`/api/clinic-memberships/${membership}`))?.statusCode).toBe(404);
    expect((await ann.delete(`/api/clinic-memberships/${membership}`)).statusCode).toBe(204);
    for (const c of [adams, baker]) {
      expect((await c.get(`${base()}/people/${ann.personId}`)).statusCode).toBe(404);
      const names = (await c.get(`${base()}/caseload`))
        .json()
        .people.map((p: { displayName: string }) => p.displayName);
      expect(names).not.toContain('ANN');
    }
    expect((await adams.post(`${base()}/people/${ann.personId}/notes`, { text: 'after' })).statusCode).toBe(
      404,
    );

    const detail = (await adams.get(base())).json();
    expect(detail.peopleCount).toBe(3);
    const bakerStaff = detail.staff.find((s: { name: string }) => s.name === 'Dr baker');
    const adamsStaff = detail.staff.find((s: { name: string }) => s.name === 'Dr adams');
    const lastAdmin = await adams.delete(`${base()}/staff/${adamsStaff.id}`);
    expect(lastAdmin.statusCode).toBe(400);
    expect(lastAdmin.json().error.message).toContain('only admin');
    expect((await adams.delete(`${base()}/staff/${bakerStaff.id}`)).statusCode).toBe(204);
    expect((await baker.get(`${base()}/caseload`)).statusCode).toBe(404);
    expect((await baker.get('/api/clinician/clinics')).json().clinics).toEqual([]);
  });

  it('months later, scores older than the caseload’s 12 weeks still give the baseline and the latest', async () => {
    now = new Date('2026-07-01T12:00:00Z');
    const rows = (await adams.get(`${base()}/caseload`)).json().people as {
      displayName: string;
      scales: { instrument: string; series: unknown[] }[];
    }[];
    const ben = rows.find((p) => p.displayName === 'BEN')?.scales.find((s) => s.instrument === 'phq9');
    expect(ben).toMatchObject({
      baseline: { date: '2026-01-05', score: 5 },
      latest: { date: '2026-03-01', score: 10 },
      changeSinceBaseline: 5,
      reliableChange: { index: 2.53, verdict: 'deteriorated' },
      series: [
        { date: '2026-01-05', score: 5 },
        { date: '2026-03-01', score: 10 },
      ],
    });
    // Ben's old PHQ-9 rise stays a deterioration, but no safety event is that recent any more.
    expect(rows.map((p) => p.displayName)).toEqual(['BEN', 'CAT', 'DAN']);
  });

  it('the diary rule in the caseload: a run of low days puts the person first, dated the day it fired', async () => {
    // Dan logs a mood of 2 on six days in a row: every logged day is low, so the rule (at least 10
    // of every 14 logged days at 3 or lower, from 5 logged days) fires on the fifth (5 July).
    now = new Date('2026-07-08T12:00:00Z');
    for (const day of ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05', '2026-07-06'])
      expect((await people.dan?.put(`/api/checkins/${day}`, { mood: 2 }))?.statusCode).toBe(200);
    const rows = (await adams.get(`${base()}/caseload`)).json().people as {
      displayName: string;
      need: { tier: string };
      safetyEvents: { date: string; kind: string; level: string }[];
      moodSeries: { from: string; moods: (number | null)[] };
    }[];
    expect(rows.map((p) => [p.displayName, p.need.tier])[0]).toEqual(['DAN', 'safety']);
    expect(rows[0]?.safetyEvents).toEqual([
      expect.objectContaining({ date: '2026-07-05', kind: 'diary_low_mood', level: 'professional' }),
    ]);
    // The sparkline's 84 days end on 8 July (day 83): 1–6 July are its days 76–81.
    expect(rows[0]?.moodSeries.moods.flatMap((m, i) => (m === null ? [] : [[i, m]]))).toEqual(
      [76, 77, 78, 79, 80, 81].map((i) => [i, 2]),
    );
  });
});
