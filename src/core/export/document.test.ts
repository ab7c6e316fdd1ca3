import { describe, expect, it } from 'vitest';
import { checkRow, parseExportDocument, type TableShape } from './document.ts';

const foodEntry: TableShape = {
  name: 'food_entry',
  columns: [
    { name: 'id', type: 'text', nullable: false, hasDefault: false },
    { name: 'date', type: 'text', nullable: false, hasDefault: false },
    { name: 'servings', type: 'real', nullable: false, hasDefault: false },
    { name: 'count', type: 'integer', nullable: true, hasDefault: false },
    { name: 'logged_at', type: 'text', nullable: true, hasDefault: false },
  ],
  primaryKey: ['id'],
  uniques: [],
  foreignKeys: [],
};
const none = new Set<string>();

describe('checkRow', () => {
  it('returns the row with every column present, missing nullable ones as null', () => {
    expect(
      checkRow(foodEntry, { id: 'e1', date: '2026-03-10', servings: 1.5 }, 'food_entry[0]', none),
    ).toEqual({
      id: 'e1',
      date: '2026-03-10',
      servings: 1.5,
      count: null,
      logged_at: null,
    });
  });

  it.each([
    [{ id: 'e1', date: '1-01-01', servings: 1 }, 'food_entry[0].date', 'is not a real date'],
    [{ id: 'e1', date: '0000-01-01', servings: 1 }, 'food_entry[0].date', 'is not a real date'],
    [
      { id: 'e1', date: '2026-03-10', servings: 1, logged_at: '0000-01-01T00:00:00Z' },
      'food_entry[0].logged_at',
      'ISO-8601',
    ],
    [{ id: 'e1', date: '2026-03-10', servings: '1' }, 'food_entry[0].servings', 'must be a number'],
    [{ id: 'e1', date: '2026-03-10', servings: 1, count: 1.5 }, 'food_entry[0].count', 'whole number'],
    [{ id: 'e1', servings: 1 }, 'food_entry[0].date', 'is required'],
    [{ id: 'e1', date: '2026-03-10', servings: 1, person: 'x' }, 'food_entry[0].person', 'not a column'],
  ])('refuses %j naming %s', (row, field, message) => {
    expect(() => checkRow(foodEntry, row, 'food_entry[0]', none)).toThrow(
      expect.objectContaining({ field, message: expect.stringContaining(message) }),
    );
  });
});

describe('parseExportDocument', () => {
  it('names the first problem in the frame', () => {
    expect(() => parseExportDocument({ format: 'something-else' })).toThrow(
      'This is not a Gutbrain export: format',
    );
    expect(() =>
      parseExportDocument({
        format: 'gutbrain-export',
        version: 99,
        exportedAt: '2026-01-01T00:00:00Z',
        migrations: [],
        person: { displayName: 'A', timeZone: 'UTC', region: null },
        tables: {},
      }),
    ).toThrow('comes from a newer Gutbrain');
  });
});
