import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { programCatalogue, readProgramFiles } from '../../src/server/program-files.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

// A clinic's own program, written as YAML without any code.
const CLINIC_YAML = `
id: clinic_sleep_reset
title: Sleep reset
summary: Two weeks of morning light, then a steady bedtime as well.
source: Example Clinic protocol v1
openEnded: false
weeks:
  - title: Light
    days: 7
    adds:
      - id: morning_walk
        title: A 20-minute morning walk
        period: day
        rule: { type: at_least, measures: [movement], value: 20 }
  - title: Rhythm
    days: 7
    adds:
      - id: steady_bedtime
        title: Bed within 30 minutes of your usual time
        period: day
        rule: { type: near_median_time, measure: bedtime, lookbackDays: 14, toleranceMinutes: 30, minDays: 3 }
`;

const dirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-programs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('programs from files', () => {
  it('reads YAML and JSON programs beside the shipped ones, ignoring other files', () => {
    const json = JSON.stringify({
      id: 'clinic_json',
      title: 'Walk more',
      summary: 'An open-ended walking habit.',
      source: 'Example Clinic',
      openEnded: true,
      weeks: [{ title: 'Every week', days: 7, adds: [] }],
    });
    const dir = dirWith({ 'a.yaml': CLINIC_YAML, 'b.json': json, 'notes.txt': 'not a program' });
    expect(readProgramFiles(dir).map((p) => p.id)).toEqual(['clinic_sleep_reset', 'clinic_json']);
    expect(programCatalogue(dir).map((p) => p.id)).toEqual([
      'gut_brain_30_day',
      'three_level_guide',
      'clinic_sleep_reset',
      'clinic_json',
    ]);
  });

  it('refuses a broken file, naming the file and the path of the mistake', () => {
    const dir = dirWith({
      'bad.yaml': CLINIC_YAML.replace('measures: [movement]', 'measures: [moon_phase]'),
    });
    expect(() => readProgramFiles(dir)).toThrow(
      'bad.yaml: weeks.0.adds.0.rule.measures.0: is not a known measure',
    );
    expect(() => readProgramFiles(dirWith({ 'x.json': '{ nope' }))).toThrow(/x\.json: cannot be read/);
  });

  it('refuses a goal that names a brain messenger without the graph edge and grade behind it', () => {
    const boost = CLINIC_YAML.replace(
      'title: A 20-minute morning walk',
      'title: A 20-minute walk to boost serotonin',
    );
    expect(() => readProgramFiles(dirWith({ 'boost.yaml': boost }))).toThrow(
      /boost\.yaml: weeks\.0\.adds\.0 \(goal morning_walk\): names serotonin but links to no edge/,
    );
    const wrongGrade = boost.replace(
      'period: day\n        rule: { type: at_least, measures: [movement]',
      'period: day\n        evidence: { edge: tryptophan--precursor_of--serotonin, grade: human_trials }\n        rule: { type: at_least, measures: [movement]',
    );
    expect(() => readProgramFiles(dirWith({ 'grade.yaml': wrongGrade }))).toThrow(
      /shows the grade human_trials but its edge tryptophan--precursor_of--serotonin is graded established/,
    );
    const linked = wrongGrade.replace('grade: human_trials', 'grade: established');
    expect(readProgramFiles(dirWith({ 'ok.yaml': linked })).map((p) => p.id)).toEqual(['clinic_sleep_reset']);
  });

  it('refuses a program id used twice', () => {
    const dir = dirWith({ 'c.yaml': CLINIC_YAML.replace('id: clinic_sleep_reset', 'id: gut_brain_30_day') });
    expect(() => programCatalogue(dir)).toThrow('program id gut_brain_30_day is used twice');
  });
});

describe.each(testEngines())('a clinic program through the API on %s', (engine) => {
  let store: Store;
  const before = process.env.PROGRAMS_DIR;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.PROGRAMS_DIR;
    else process.env.PROGRAMS_DIR = before;
    await store.close();
  });

  it('is listed, and can be enrolled in and followed like a shipped one', async () => {
    process.env.PROGRAMS_DIR = dirWith({ 'sleep.yaml': CLINIC_YAML });
    const app = await buildApp({ store, now: () => new Date('2026-03-04T12:00:00Z') });
    try {
      const ann = await registerClient(app);
      const ids = (await ann.get('/api/programs')).json().programs.map((p: { id: string }) => p.id);
      expect(ids).toContain('clinic_sleep_reset');
      await ann.put('/api/habits/2026-03-04', { movement: { minutes: 25 } });
      const res = await ann.post('/api/enrolments', {
        programId: 'clinic_sleep_reset',
        startDate: '2026-03-04',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().day.goals).toEqual([expect.objectContaining({ id: 'morning_walk', status: 'met' })]);
      expect(res.json().calendar).toHaveLength(14);
    } finally {
      await app.close();
    }
  });
});
