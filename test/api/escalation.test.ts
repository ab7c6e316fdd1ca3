/**
 * Escalation by severity through the API (issue 14): what each result raises, that a "talk to a
 * professional" screen holds suggestions back until it has been read and then stands above them,
 * and that mild results raise nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { registerClient, type TestClient } from '../support/api.ts';
import { useClockedApp } from '../support/clocked-app.ts';
import { testEngines } from '../support/db.ts';

const items = (prefix: string, codes: number[]) =>
  Object.fromEntries(codes.map((c, i) => [`${prefix}_${i + 1}`, c]));
const phq9 = (codes: number[]) => ({ answers: items('phq9', codes) });
const gad7 = (codes: number[]) => ({ answers: items('gad7', codes) });
const who5 = (codes: number[]) => ({ answers: items('who5', codes) });

describe.each(testEngines())('escalation by severity on %s', (engine) => {
  const t = useClockedApp(engine, '2026-03-10T12:00:00Z');
  let ann: TestClient;

  beforeAll(async () => {
    ann = await registerClient(t.app, { timeZone: 'Europe/Berlin' });
    await ann.put('/api/safety/region', { region: 'DE' });
  });

  it('the issue’s case — PHQ-9 24, GAD-7 21, WHO-5 0 % with item 9 = 0 — puts a professional first every time', async () => {
    for (const [path, body, score] of [
      ['/api/screeners/phq9', phq9([3, 3, 3, 3, 3, 3, 3, 3, 0]), 24],
      ['/api/screeners/gad7', gad7([3, 3, 3, 3, 3, 3, 3]), 21],
      ['/api/screeners/who5', who5([0, 0, 0, 0, 0]), 0],
    ] as const) {
      const res = await ann.post(path, body);
      expect(res.statusCode).toBe(201);
      expect(res.body.indexOf('"support"')).toBe(1);
      const out = res.json();
      expect(out.response.score).toBe(score);
      expect(out.response.level).toBe('professional');
      expect(out.support.kind).toBe('professional');
      expect(out.support.dismissible).toBe(false);
      expect(out.support.firstStep).toMatch(/GP \(family doctor\) or a mental-health professional/);
      expect(out.support.region.id).toBe('DE');
      expect(out.support.region.crisisLines.length).toBeGreaterThan(0);
      expect(out.support.professionals[0].id).toBe('general_practitioner');
    }
  });

  it('holds self-help suggestions back until the screen is read, then shows them below a "talk to a professional" card', async () => {
    const before = (await ann.get('/api/recommendations')).json();
    expect(before.recommendations).toEqual([]);
    expect(before.support.kind).toBe('professional');
    expect(before.talkToProfessional).toBeNull();

    const { responses } = (await ann.get('/api/screeners/responses')).json();
    expect(responses).toHaveLength(3);
    // Reading only one of three leaves the others holding suggestions back.
    expect((await ann.post(`/api/screeners/responses/${responses[0].id}/support-read`)).statusCode).toBe(204);
    expect((await ann.get('/api/recommendations')).json().support).not.toBeNull();
    const overview = (await ann.get('/api/screeners/overview')).json();
    expect(overview.support.kind).toBe('professional');
    expect(overview.unreadResultIds.sort()).toEqual([responses[1].id, responses[2].id].sort());
    for (const id of overview.unreadResultIds) {
      expect((await ann.post(`/api/screeners/responses/${id}/support-read`)).statusCode).toBe(204);
    }
    const after = (await ann.get('/api/recommendations')).json();
    expect(after.support).toBeNull();
    expect(after.talkToProfessional).toEqual({
      heading: 'Talk to a professional',
      text: expect.stringMatching(/GP or a mental-health professional/),
    });
    expect(Object.keys(after).indexOf('talkToProfessional')).toBeLessThan(
      Object.keys(after).indexOf('recommendations'),
    );

    // Read stays read; the result still opens on its screen each time (non-dismissible for it).
    const one = (await ann.get(`/api/screeners/responses/${responses[0].id}`)).json();
    expect(one.support.kind).toBe('professional');
    expect(one.response.supportReadAt).toBe('2026-03-10T12:00:00.000Z');
    t.clock = new Date('2026-03-11T12:00:00Z');
    await ann.post(`/api/screeners/responses/${responses[0].id}/support-read`);
    expect((await ann.get(`/api/screeners/responses/${responses[0].id}`)).json().response.supportReadAt).toBe(
      '2026-03-10T12:00:00.000Z',
    );
  });

  it('refuses to mark another person’s result or a malformed id', async () => {
    const ben = await registerClient(t.app);
    const { responses } = (await ann.get('/api/screeners/responses')).json();
    expect((await ben.post(`/api/screeners/responses/${responses[0].id}/support-read`)).statusCode).toBe(404);
    const bad = await ann.post('/api/screeners/responses/not-an-id/support-read');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('id');
  });

  it('a PHQ-9 rise of 6 since the previous one is reliable change (professional); 5 is not', async () => {
    const cat = await registerClient(t.app);
    expect(
      (await cat.post('/api/screeners/phq9', phq9([1, 1, 1, 1, 0, 0, 0, 0, 0]))).json().response.level,
    ).toBe('none'); // 4
    const five = (
      await cat.post(
        '/api/screeners/phq9',
        phq9([1, 1, 1, 1, 1, 1, 1, 1, 1].map((v, i) => (i === 8 ? 0 : v))),
      )
    ).json();
    expect(five.response.score).toBe(8); // 4 → 8: +4, mild
    expect(five.response.level).toBe('none');
    const plus5 = (await cat.post('/api/screeners/phq9', phq9([2, 2, 2, 2, 2, 1, 1, 1, 0]))).json(); // 13: +5
    expect(plus5.response.level).toBe('mention');
    expect(plus5.support).toBeNull();
    const plus6 = (await cat.post('/api/screeners/phq9', phq9([3, 3, 3, 3, 2, 2, 2, 1, 0]))).json(); // 19: +6
    expect(plus6.response.score).toBe(19);
    expect(plus6.response.level).toBe('professional');
    expect(plus6.support.triggers.map((x: { code: string }) => x.code)).toEqual(['phq9_rise']);
    expect(plus6.support.triggers[0].message).toContain('from 13 to 19');
  });

  it('worth mentioning — PHQ-9 10–19, GAD-7 10–14, WHO-5 29–50 % — says plainly a professional can help, with no screen', async () => {
    const dan = await registerClient(t.app);
    for (const [path, body, score] of [
      ['/api/screeners/phq9', phq9([2, 2, 2, 2, 1, 1, 0, 0, 0]), 10],
      ['/api/screeners/gad7', gad7([2, 2, 2, 2, 2, 2, 2]), 14],
      ['/api/screeners/who5', who5([2, 2, 2, 2, 0]), 32],
      ['/api/screeners/who5', who5([3, 3, 3, 3, 0]), 48],
    ] as const) {
      const out = (await dan.post(path, body)).json();
      expect(out.response.score).toBe(score);
      expect(out.support).toBeNull();
      expect(out.response.level).toBe('mention');
      expect(out.response.professionalNote.heading).toBe('A professional can help');
      expect(out.response.professionalNote.findOne).toMatch(/GP/);
      expect(out.response.mentions).toHaveLength(1);
    }
    // Mentions do not hold suggestions back.
    const recs = (await dan.get('/api/recommendations')).json();
    expect(recs.support).toBeNull();
    expect(recs.talkToProfessional).toBeNull();
  });

  it('minimal and mild results raise nothing (no crying wolf)', async () => {
    const eli = await registerClient(t.app);
    for (const [path, body] of [
      ['/api/screeners/phq9', phq9([1, 1, 1, 1, 1, 1, 1, 2, 0])], // 9
      ['/api/screeners/gad7', gad7([2, 2, 2, 1, 1, 1, 0])], // 9
      ['/api/screeners/who5', who5([3, 3, 3, 2, 2])], // 52 %
    ] as const) {
      const out = (await eli.post(path, body)).json();
      expect(out.support).toBeNull();
      expect(out.response.level).toBe('none');
      expect(out.response.professionalNote).toBeNull();
    }
    expect((await eli.get('/api/screeners/overview')).json().support).toBeNull();
  });

  it('GAD-7 15 and WHO-5 28 % are professional; GAD-7 14 and WHO-5 32 % are not', async () => {
    const fin = await registerClient(t.app);
    const level = async (path: string, body: unknown) => (await fin.post(path, body)).json().response.level;
    expect(await level('/api/screeners/gad7', gad7([3, 2, 2, 2, 2, 2, 2]))).toBe('professional'); // 15
    expect(await level('/api/screeners/gad7', gad7([2, 2, 2, 2, 2, 2, 2]))).toBe('mention'); // 14
    expect(await level('/api/screeners/who5', who5([2, 2, 2, 1, 0]))).toBe('professional'); // 28
    expect(await level('/api/screeners/who5', who5([2, 2, 2, 2, 0]))).toBe('mention'); // 32
  });
});
