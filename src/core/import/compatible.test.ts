import { describe, expect, it } from 'vitest';
import { mayImportInto } from './compatible.ts';

describe('mayImportInto', () => {
  it('sends text only to text, and everything else to any measure that is not text', () => {
    expect(mayImportInto('text', 'text')).toBe(true);
    expect(mayImportInto('text', 'scale')).toBe(false);
    for (const kind of ['yesno', 'rating', 'number'] as const) {
      expect(mayImportInto(kind, 'text'), kind).toBe(false);
      // Values are rescaled onto the measure's range, so a rating may go to minutes and a yes/no to a scale.
      for (const measure of ['scale', 'number', 'minutes', 'count', 'yesno'])
        expect(mayImportInto(kind, measure), `${kind} → ${measure}`).toBe(true);
    }
  });
});
