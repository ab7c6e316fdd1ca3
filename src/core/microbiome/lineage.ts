/**
 * Taxonomy strings → ranked lineages, and the taxon a lineage names at one rank. Reads the
 * prefixed forms written by MetaPhlAn (`k__Bacteria|p__Firmicutes`), Greengenes and SILVA in QIIME
 * (`k__Bacteria; p__Firmicutes`, `d__Bacteria; p__Firmicutes`) and unprefixed ranked lists.
 */
import { RANK_OF_PREFIX, RANKS, type Rank } from './types.ts';

export interface RankedName {
  rank: Rank;
  /** Empty when the rank is present but unresolved (`g__`). */
  name: string;
}

const PREFIXED = /^([a-z])__(.*)$/;

/** Splits a taxonomy string on `|`, `;` or (for BIOM lists) takes the parts as they are. */
export function splitTaxonomy(taxonomy: string | readonly string[]): string[] {
  const parts = typeof taxonomy === 'string' ? taxonomy.split(/[|;]/) : [...taxonomy];
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * Ranked names of a lineage. Prefixed parts give their own rank; unprefixed parts are taken in the
 * usual order kingdom → strain (as in Greengenes lists without prefixes).
 *
 * @example parseLineage('k__Bacteria; g__') → [{ rank: 'kingdom', name: 'Bacteria' }, { rank: 'genus', name: '' }]
 */
export function parseLineage(taxonomy: string | readonly string[]): RankedName[] {
  const out: RankedName[] = [];
  splitTaxonomy(taxonomy).forEach((part, i) => {
    const m = PREFIXED.exec(part);
    const rank = m ? RANK_OF_PREFIX[m[1]!] : RANKS[i];
    if (!rank) return;
    const name = cleanName(m ? m[2]! : part);
    out.push({ rank, name });
  });
  return out;
}

/** Names that stand for "not resolved" in common references. */
const UNRESOLVED = new Set(['', 'unclassified', 'unidentified', 'uncultured', 'unknown', 'ambiguous_taxa']);

function cleanName(raw: string): string {
  const name = raw.replace(/^\[|\]$/g, '').trim();
  return UNRESOLVED.has(name.toLowerCase()) ? '' : name;
}

export interface TaxonAtRank {
  /** Unique grouping key: the resolved path down to the rank (homonyms in other lineages stay apart). */
  key: string;
  name: string;
  lineage: string[];
  resolved: boolean;
}

/**
 * The taxon a lineage names at `rank`. A lineage that stops above the rank (or has `g__`) is kept
 * as "unclassified <deepest known name>", the way QIIME's collapse keeps such groups apart.
 */
export function taxonAtRank(lineage: readonly RankedName[], rank: Rank): TaxonAtRank {
  const depth = RANKS.indexOf(rank);
  const path: string[] = [];
  let genus = '';
  for (const r of lineage) {
    const d = RANKS.indexOf(r.rank);
    if (d > depth) break;
    if (!r.name) break;
    if (r.rank === 'genus') genus = r.name;
    path.push(r.name);
    if (d === depth) {
      return { key: path.join(';'), name: displayName(r.name, rank, genus), lineage: path, resolved: true };
    }
  }
  const deepest = path[path.length - 1];
  const name = deepest ? `unclassified ${displayName(deepest, rank, '')}` : 'unclassified';
  return { key: `${path.join(';')};?${rank}`, name, lineage: path, resolved: false };
}

/** MetaPhlAn writes `Bacteroides_ovatus`; Greengenes writes only the epithet (`coli`) at species. */
function displayName(name: string, rank: Rank, genus: string): string {
  const spaced = name.replace(/_/g, ' ');
  if (rank === 'species' && genus && !spaced.includes(' ')) return `${genus} ${spaced}`;
  return spaced;
}
