/**
 * Shared shapes of the microbiome capability: taxonomic ranks, the abundance table every parser
 * produces (taxa × samples, already collapsed to one rank), and the format error that names the
 * line or field at fault.
 */
import { ValidationError } from '../errors.ts';

export const RANKS = ['kingdom', 'phylum', 'class', 'order', 'family', 'genus', 'species', 'strain'] as const;
export type Rank = (typeof RANKS)[number];
/** `feature`: the table has no taxonomy, so each feature (OTU/ASV id) stands for itself. */
export type TableRank = Rank | 'feature';

/** Greengenes/SILVA/MetaPhlAn rank prefixes (`g__Bacteroides`); `d__` is SILVA's domain. */
export const RANK_OF_PREFIX: Readonly<Record<string, Rank>> = {
  k: 'kingdom',
  d: 'kingdom',
  p: 'phylum',
  c: 'class',
  o: 'order',
  f: 'family',
  g: 'genus',
  s: 'species',
  t: 'strain',
};

export const PROFILE_FORMATS = [
  'metaphlan',
  'biom1',
  'biom2',
  'qiime2_tsv',
  'plain_table',
  'humann_ko',
] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<ProfileFormat, string>> = {
  metaphlan: 'MetaPhlAn profile',
  biom1: 'BIOM 1.0 (JSON)',
  biom2: 'BIOM 2.1 (HDF5)',
  qiime2_tsv: 'QIIME 2 feature table (TSV)',
  plain_table: 'taxon and abundance table',
  humann_ko: 'HUMAnN KEGG ortholog table',
};

/** One taxon (or feature) row with its values in sparse form: `samples[i]` holds `values[i]`. */
export interface TaxonRow {
  /** Display name at the table's rank, e.g. `Faecalibacterium`. */
  name: string;
  /** Ranked lineage down to this taxon, without prefixes, e.g. `['Bacteria', 'Firmicutes', …]`. */
  lineage: string[];
  samples: Uint32Array;
  values: Float64Array;
}

/** What the numbers mean: integer read counts, or relative abundance (MetaPhlAn percentages). */
export type ValueKind = 'counts' | 'relative';

export interface AbundanceTable {
  format: ProfileFormat;
  rank: TableRank;
  sampleIds: string[];
  taxa: TaxonRow[];
  valueKind: ValueKind;
  /** Per sample, abundance that no taxon at this rank claims (MetaPhlAn `UNCLASSIFIED`), same unit as values. */
  unclassified: Float64Array;
  /** True when every value is a whole number (Chao1 needs singletons and doubletons). */
  integerCounts: boolean;
  /** Plain-language notes about choices made while reading (e.g. "no taxonomy: features used"). */
  notes: string[];
}

/**
 * A report that cannot be read. `line` is 1-based when the problem sits on one line; `column` names
 * the column or JSON/HDF5 field at fault; both also appear in the message so the person can fix it.
 */
/**
 * What to say when a file is not text at all (a photo, a PDF, a spreadsheet): which files are
 * read, in words a person knows.
 */
export const NOT_A_TEXT_REPORT =
  'This file is not a report Gutbrain can read (it is not text — a picture, a PDF or a spreadsheet, perhaps). Upload a MetaPhlAn profile, a BIOM table (.biom), a QIIME 2 feature table (.qza), a CSV or TSV table of taxa, or a HUMAnN table (.tsv).';

export class ProfileFormatError extends ValidationError {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super('file', line !== undefined ? `Line ${line}: ${message}` : message, 'malformed_profile');
  }
}
