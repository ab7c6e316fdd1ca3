/**
 * The clinician's view and PDF put PHQ-9 item 9 (answer and date) and every safety event of the
 * shared period at the top, in words — never only a band. The hole: a positive item 9
 * with total 1 read "Minimal".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { RED_FLAG_IDS, SIGNAL_IDS } from '../../src/core/screeners/signals.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { useClockedApp } from '../support/clocked-app.ts';
import { testEngines } from '../support/db.ts';

const items = (prefix: string, codes: number[]) =>
  Object.fromEntries(codes.map((c, i) => [`${prefix}_${i + 1}`, c]));
const SIGNALS = [...SIGNAL_IDS, ...RED_FLAG_IDS];

describe.each(testEngines())('safety first on the clinician’s summary on %s', (engine) => {
  const t = useClockedApp(engine, '2026-03-01T12:00:00Z');
  let pat: TestClient;
  let doc: TestClient;
  let quiet: TestClient;

  beforeAll(async () => {
    pat = await registerClient(t.app, { displayName: 'Pat', timeZone: 'Europe/Dublin' });
    quiet = await registerClient(t.app, { displayName: 'Quinn', timeZone: 'Europe/Dublin' });
    doc = await registerClient(t.app, { email: `doc-${engine}@clinic.example`, displayName: 'Dr Doc' });
    await doc.put('/api/sharing/role', { clinician: true });
    // Two weeks of low mood (the diary rule fires from 2026-03-05), then the questionnaires.
    for (let i = 0; i < 14; i += 1) await pat.put(`/api/checkins/${addDays('2026-03-01', i)}`, { mood: 2 });
    t.clock = new Date('2026-03-14T12:00:00Z');
    for (let i = 0; i < 14; i += 1) await pat.put(`/api/checkins/${addDays('2026-03-01', i)}`, { mood: 2 });
    // PHQ-9 with item 9 "Several days" and a total of 1: "Minimal" as a band.
    const phq = await pat.post('/api/screeners/phq9', {
      answers: items('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]),
    });
    expect(phq.json().response.band.label).toBe('Minimal');
    await pat.post('/api/screeners/gad7', { answers: items('gad7', [3, 3, 2, 2, 2, 2, 2]) }); // 16
    const signals = Object.fromEntries(SIGNALS.map((id) => [id, id === 'red_flag_eating_sleeping']));
    await pat.post('/api/screeners/signals', { answers: signals });
    for (const who of [pat, quiet]) {
      expect(
        (await who.post('/api/sharing/grants', { clinicianEmail: `doc-${engine}@clinic.example` }))
          .statusCode,
      ).toBe(201);
    }
    await quiet.post('/api/screeners/phq9', { answers: items('phq9', [1, 1, 0, 0, 0, 0, 0, 0, 0]) });
  });

  it('lists item 9 with its answer and date, and every safety event, in words, before anything else', async () => {
    const res = await doc.get(`/api/clinician/people/${pat.personId}/summary?from=2026-03-01&to=2026-03-14`);
    expect(res.statusCode).toBe(200);
    const summary = res.json().summary;
    expect(Object.keys(summary).indexOf('safety')).toBeLessThan(Object.keys(summary).indexOf('diary'));
    expect(summary.safety.item9).toEqual([{ date: '2026-03-14', answer: 1, answerLabel: 'Several days' }]);
    const words = summary.safety.events.map((e: { words: string }) => e.words);
    expect(summary.safety.events.map((e: { date: string }) => e.date)).toEqual([
      '2026-03-05',
      '2026-03-14',
      '2026-03-14',
      '2026-03-14',
    ]);
    expect(words[0]).toMatch(/^Diary: mood 3 or lower on at least 10 of every 14 logged days/);
    expect(words).toContain(
      'PHQ-9 item 9 ("Thoughts that you would be better off dead or of hurting yourself in some way") answered "Several days" — the crisis screen with crisis lines was shown.',
    );
    expect(words).toContain(
      'GAD-7 total 16 (severe: 15 or more) — a "talk to a professional" screen was shown.',
    );
    expect(words).toContain(
      'Signals check: yes to significant changes in eating or sleeping patterns — a "talk to a professional" screen was shown.',
    );
    expect(summary.safety.events.find((e: { words: string }) => e.words.startsWith('PHQ-9')).level).toBe(
      'urgent',
    );
    expect(summary.safety.summary).toBe('4 safety events in this period — see below.');
  });

  it('says so in words when there is nothing to report, and leaves out what was not shared', async () => {
    const calm = (await doc.get(`/api/clinician/people/${quiet.personId}/summary`)).json().summary.safety;
    expect(calm.item9).toEqual([{ date: '2026-03-14', answer: 0, answerLabel: 'Not at all' }]);
    expect(calm.events).toEqual([]);
    expect(calm.summary).toBe('No safety events in this period.');
    // Sharing only the diary: no questionnaire answers reach the clinician, the diary episode does.
    const grants = (await pat.get('/api/sharing/grants')).json().grants;
    await pat.delete(`/api/sharing/grants/${grants[0].id}`);
    await pat.post('/api/sharing/grants', {
      clinicianEmail: `doc-${engine}@clinic.example`,
      kinds: ['diary'],
    });
    const diaryOnly = (await doc.get(`/api/clinician/people/${pat.personId}/summary?from=2026-03-01`)).json()
      .summary.safety;
    expect(diaryOnly.item9).toBeNull();
    expect(diaryOnly.events.map((e: { words: string }) => e.words.slice(0, 6))).toEqual(['Diary:']);
  });

  it('prints the same at the top of the PDF', async () => {
    const grants = (await pat.get('/api/sharing/grants')).json().grants;
    for (const g of grants) await pat.delete(`/api/sharing/grants/${g.id}`);
    await pat.post('/api/sharing/grants', { clinicianEmail: `doc-${engine}@clinic.example` });
    const res = await doc.get(
      `/api/clinician/people/${pat.personId}/report.pdf?from=2026-03-01&to=2026-03-14`,
    );
    expect(res.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'gutbrain-pdf-')), 'summary.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Safety');
    expect(text).toContain('2026-03-14 answered "Several days" (1 of 3)');
    expect(text).toContain('answered "Several days" — the crisis screen with crisis lines was shown.');
    expect(text).toContain('GAD-7 total 16 (severe: 15 or more)');
    expect(text.indexOf('Safety events')).toBeLessThan(text.indexOf('Daily check-ins'));
    expect(text.indexOf('Safety events')).toBeLessThan(text.indexOf('Questionnaires'));
  });
});
