/**
 * Taxa the gut–brain literature links to mood, and where to read about them: each entry maps names
 * found in profiles to a knowledge-graph microbe node (ids shared with src/core/knowledge). What the
 * evidence does and does not say is read from the graph, never written here.
 */
import type { AbundanceTable } from './types.ts';

export interface MoodTaxon {
  /** Knowledge-graph node id. */
  nodeId: string;
  label: string;
  /** Genus names that count as this taxon in a profile. */
  genera: readonly string[];
}

/**
 * Lactobacillus was split into 25 genera in 2020 (Zheng et al., doi:10.1099/ijsem.0.004107); newer
 * reference databases name the new genera, so they still count as the lactobacilli studied before.
 */
const LACTOBACILLI = [
  'Lactobacillus',
  'Lacticaseibacillus',
  'Lactiplantibacillus',
  'Limosilactobacillus',
  'Ligilactobacillus',
  'Latilactobacillus',
  'Levilactobacillus',
  'Ligilactobacillus',
  'Companilactobacillus',
  'Loigolactobacillus',
  'Lentilactobacillus',
  'Secundilactobacillus',
  'Fructilactobacillus',
  'Furfurilactobacillus',
  'Paucilactobacillus',
  'Schleiferilactobacillus',
  'Amylolactobacillus',
  'Agrilactobacillus',
  'Apilactobacillus',
  'Bombilactobacillus',
  'Dellaglioa',
  'Holzapfelia',
  'Liquorilactobacillus',
  'Acetilactobacillus',
  'Lapidilactobacillus',
];

export const MOOD_TAXA: readonly MoodTaxon[] = [
  { nodeId: 'faecalibacterium', label: 'Faecalibacterium', genera: ['Faecalibacterium'] },
  { nodeId: 'coprococcus', label: 'Coprococcus', genera: ['Coprococcus'] },
  { nodeId: 'dialister', label: 'Dialister', genera: ['Dialister'] },
  { nodeId: 'bifidobacterium', label: 'Bifidobacterium', genera: ['Bifidobacterium'] },
  {
    nodeId: 'lactobacillus',
    label: 'Lactobacillus (and the genera split from it in 2020)',
    genera: LACTOBACILLI,
  },
  { nodeId: 'roseburia', label: 'Roseburia', genera: ['Roseburia'] },
];

export interface MoodTaxonFinding {
  nodeId: string;
  label: string;
  present: boolean;
  /** Share of the whole profile (0–1), summed over matching taxa. */
  share: number;
  /** The profile's own taxon names that matched. */
  matched: string[];
}

/**
 * Which mood-associated taxa a sample holds. Matches on the genus in each taxon's lineage, so it
 * works at genus, species or strain rank; above genus (family, phylum) nothing can be said.
 */
export function findMoodTaxa(
  table: AbundanceTable,
  sample: number,
  profileTotal: number,
): MoodTaxonFinding[] {
  const byGenus = new Map<string, { share: number; names: string[] }>();
  const genusDepth = 5;
  for (const taxon of table.taxa) {
    const genus = table.rank === 'feature' ? taxon.name.split(/[ _]/)[0]! : taxon.lineage[genusDepth];
    if (!genus) continue;
    const k = binarySearch(taxon.samples, sample);
    if (k < 0) continue;
    const entry = byGenus.get(genus) ?? { share: 0, names: [] };
    entry.share += profileTotal > 0 ? taxon.values[k]! / profileTotal : 0;
    entry.names.push(taxon.name);
    byGenus.set(genus, entry);
  }
  return MOOD_TAXA.map((t) => {
    let share = 0;
    const matched: string[] = [];
    for (const g of new Set(t.genera)) {
      const e = byGenus.get(g);
      if (e) {
        share += e.share;
        matched.push(...e.names);
      }
    }
    return { nodeId: t.nodeId, label: t.label, present: matched.length > 0, share, matched };
  });
}

export function binarySearch(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
