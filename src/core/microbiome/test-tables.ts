/**
 * Small helpers the microbiome tests share: the taxa table of a parsed report, one sample's values
 * by taxon name, and the format error a reader throws.
 */
import type { ParsedReport } from './read.ts';
import { type AbundanceTable, ProfileFormatError } from './types.ts';

export function taxa(r: ParsedReport): AbundanceTable {
  if (r.kind !== 'taxa') throw new Error('expected taxa');
  return r.table;
}

export const byName = (t: AbundanceTable, sample = 0) =>
  Object.fromEntries(
    t.taxa.flatMap((x) => {
      const k = [...x.samples].indexOf(sample);
      return k >= 0 ? [[x.name, x.values[k]]] : [];
    }),
  );

export function errorOf(fn: () => unknown): ProfileFormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProfileFormatError) return e;
    throw e;
  }
  throw new Error('expected a ProfileFormatError');
}
