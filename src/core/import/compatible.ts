/**
 * Which measures an imported item may go to — the one rule the importer enforces
 * (core/import/plan.ts) and the import page offers (web/data/DataImport.tsx). Text goes only to
 * text; anything else (yes/no, ratings, numbers) to any measure that is not text, since values are
 * rescaled onto the measure's range. No imports, so the web bundle can use it without zod.
 *
 * @example mayImportInto('rating', 'number') // true; mayImportInto('text', 'scale') // false
 */
export type ImportItemKind = 'yesno' | 'rating' | 'number' | 'text';

export function mayImportInto(itemKind: ImportItemKind, measureKind: string): boolean {
  return (measureKind === 'text') === (itemKind === 'text');
}
