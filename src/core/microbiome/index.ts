/**
 * Microbiome reports → relative abundance, diversity, mood-associated taxa and gut–brain modules.
 * Pure: parsers take text chunks (or an `Hdf5Reader`); Node file/HTTP streaming lives in src/server/microbiome/.
 */
export * from './analysis.ts';
export { type Hdf5Reader, tableFromBiom1, tableFromBiom2 } from './biom.ts';
export * from './diversity.ts';
export { parseTaxonomyTsv } from './feature-table.ts';
export type { KoTable } from './humann.ts';
export * from './modules.ts';
export * from './read.ts';
export * from './signatures.ts';
export * from './types.ts';
