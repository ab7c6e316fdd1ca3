import { describe, expect, it } from 'vitest';
import { toCsv } from '../export/csv.ts';
import { checkRow, type TableShape } from '../export/document.ts';
import { mergeRows } from './merge.ts';

const col = (name: string, type: 'text' | 'integer' | 'real' = 'text', nullable = false) => ({
  name,
  type,
  nullable,
  hasDefault: false,
});

const enrolment: TableShape = {
  name: 'enrolment',
  columns: [col('id'), col('person_id'), col('program'), col('start_date'), col('created_at')],
  primaryKey: ['id'],
  uniques: [],
  foreignKeys: [{ column: 'person_id', refTable: 'person', refColumn: 'id' }],
};
const tick: TableShape = {
  name: 'tick',
  columns: [col('enrolment_id'), col('person_id'), col('date'), col('goal')],
  primaryKey: ['enrolment_id', 'date', 'goal'],
  uniques: [],
  foreignKeys: [
    { column: 'enrolment_id', refTable: 'enrolment', refColumn: 'id' },
    { column: 'person_id', refTable: 'person', refColumn: 'id' },
  ],
};
const observation: TableShape = {
  name: 'observation',
  columns: [
    col('id'),
    col('person_id'),
    col('date'),
    col('measure'),
    col('value', 'real', true),
    col('source'),
    col('updated_at'),
  ],
  primaryKey: ['id'],
  uniques: [['person_id', 'date', 'measure', 'source']],
  foreignKeys: [],
};

let n = 0;
const newId = () => `new-${++n}`;

describe('merging imported rows', () => {
  it('gives rows new ids and rewrites references to them', () => {
    n = 0;
    const [e, t] = mergeRows({
      shapes: [enrolment, tick],
      incoming: {
        enrolment: [
          { id: 'old-1', program: 'p', start_date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' },
        ],
        tick: [{ enrolment_id: 'old-1', date: '2026-01-02', goal: 'walk' }],
      },
      existing: {},
      newId,
    });
    expect(e?.insert).toEqual([
      { id: 'new-1', program: 'p', start_date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' },
    ]);
    expect(t?.insert).toEqual([{ enrolment_id: 'new-1', date: '2026-01-02', goal: 'walk' }]);
  });

  it('rows already there are counted, not added — and their children follow the existing parent', () => {
    const existing = {
      enrolment: [{ id: 'mine', program: 'p', start_date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' }],
      tick: [{ enrolment_id: 'mine', date: '2026-01-02', goal: 'walk' }],
    };
    const [e, t] = mergeRows({
      shapes: [enrolment, tick],
      incoming: {
        enrolment: [
          { id: 'old-1', program: 'p', start_date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' },
        ],
        tick: [
          { enrolment_id: 'old-1', date: '2026-01-02', goal: 'walk' },
          { enrolment_id: 'old-1', date: '2026-01-03', goal: 'walk' },
        ],
      },
      existing,
      newId,
    });
    expect(e).toMatchObject({ insert: [], present: 1 });
    expect(t).toMatchObject({
      present: 1,
      insert: [{ enrolment_id: 'mine', date: '2026-01-03', goal: 'walk' }],
    });
  });

  it('a unique key decides sameness: a different value on the same key keeps the person’s own', () => {
    const [o] = mergeRows({
      shapes: [observation],
      incoming: {
        observation: [
          { id: 'a', date: '2026-01-01', measure: 'mood', value: 7, source: 'daylio', updated_at: 'x' },
          { id: 'b', date: '2026-01-02', measure: 'mood', value: 5, source: 'daylio', updated_at: 'y' },
          { id: 'c', date: '2026-01-02', measure: 'mood', value: 5, source: 'daylio', updated_at: 'z' },
        ],
      },
      existing: {
        observation: [
          { id: 'm', date: '2026-01-01', measure: 'mood', value: 6, source: 'daylio', updated_at: 'q' },
        ],
      },
      newId,
    });
    expect(o?.insert.map((r) => r.date)).toEqual(['2026-01-02']);
    expect(o?.present).toBe(1); // the duplicate row inside the file
    expect(o?.conflicts).toEqual([
      {
        index: 0,
        reason:
          'row 1 of observation: you already have a different entry for this (date 2026-01-01, measure mood, source daylio); yours is kept',
      },
    ]);
  });

  it('a reference to a row that is not in the file is refused, naming the row', () => {
    expect(() =>
      mergeRows({
        shapes: [enrolment, tick],
        incoming: { tick: [{ enrolment_id: 'ghost', date: '2026-01-02', goal: 'x' }] },
        existing: {},
        newId,
      }),
    ).toThrow('row 1 of tick: enrolment_id refers to a enrolment row that is not in the file');
  });
});

describe('checking cells against the table', () => {
  const skip = new Set(['person_id']);
  it('accepts a good row and fills missing nullable columns with null', () => {
    expect(
      checkRow(
        observation,
        { id: 'a', date: '2026-01-01', measure: 'mood', source: 's', updated_at: '2026-01-01T10:00:00Z' },
        'row 1',
        skip,
      ),
    ).toEqual({
      id: 'a',
      date: '2026-01-01',
      measure: 'mood',
      value: null,
      source: 's',
      updated_at: '2026-01-01T10:00:00Z',
    });
  });
  it('names the row and column of bad dates, timestamps, types and missing columns', () => {
    const good = {
      id: 'a',
      date: '2026-01-01',
      measure: 'mood',
      source: 's',
      updated_at: '2026-01-01T10:00:00Z',
    };
    expect(() =>
      checkRow(observation, { ...good, date: '2026-02-29' }, 'row 3 of observation', skip),
    ).toThrow('row 3 of observation: date "2026-02-29" is not a real date (YYYY-MM-DD)');
    expect(() => checkRow(observation, { ...good, updated_at: 'yesterday' }, 'row 1', skip)).toThrow(
      'row 1: updated_at "yesterday" is not an ISO-8601 timestamp',
    );
    expect(() => checkRow(observation, { ...good, value: '7' }, 'row 1', skip)).toThrow(
      'row 1: value must be a number',
    );
    expect(() => checkRow(observation, { ...good, measure: null }, 'row 1', skip)).toThrow(
      'row 1: measure is required',
    );
    expect(() =>
      checkRow(
        tick,
        { enrolment_id: 'e', date: '2026-01-01', goal: 1.5 as unknown as string },
        'row 1',
        skip,
      ),
    ).toThrow('row 1: goal must be text');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          { a: 'x, "y"', b: 7.5, c: null },
          { a: '=HYPERLINK("x")', b: -3, c: 'line\nbreak' },
        ],
      ),
    ).toBe('a,b,c\r\n"x, ""y""",7.5,\r\n"\'=HYPERLINK(""x"")",-3,"line\nbreak"\r\n');
  });
});
