/**
 * Feature × sample text tables: QIIME 2 exports (`biom convert --to-tsv`: `# Constructed from biom
 * file`, then `#OTU ID`, optionally a trailing `taxonomy` column) and plain CSV/TSV tables of taxon
 * and abundance (one or more sample columns). Taxonomy comes from the table's own column, from a
 * QIIME 2 `taxonomy.tsv` (see `parseTaxonomyTsv`), or the first column when it is a lineage.
 */
import { TaxonCollector } from './collapse.ts';
import { checkLimit, limitMessages, REPORT_LIMITS } from './limits.ts';
import { parseLineage, taxonAtRank } from './lineage.ts';
import { checkName, checkSampleIds, parseAbundance, SeenIds, splitCsvLine } from './lines.ts';
import { type AbundanceTable, ProfileFormatError, type Rank } from './types.ts';

export interface FeatureTableOptions {
  rank: Rank;
  format: 'qiime2_tsv' | 'plain_table';
  /** Feature id → taxonomy string, from a QIIME 2 `taxonomy.tsv`. */
  taxonomy?: ReadonlyMap<string, string>;
}

export class FeatureTableReader {
  private columns: string[] | null = null;
  private taxonomyColumn = -1;
  private delimiter: '\t' | ',' = '\t';
  private collector: TaxonCollector | null = null;
  private rows = 0;
  private unmatched = 0;
  private asGiven = 0;
  private readonly features = new SeenIds('feature');

  constructor(readonly options: FeatureTableOptions) {}

  line(text: string, lineNo: number): void {
    if (text.trim() === '') return;
    if (!this.columns) {
      if (text.startsWith('# Constructed from biom file')) return;
      this.header(text, lineNo);
      return;
    }
    if (text.startsWith('#')) return;
    this.data(text, lineNo);
  }

  private header(text: string, lineNo: number): void {
    this.delimiter = text.includes('\t') ? '\t' : ',';
    const cells = this.split(text, lineNo).map((c) => c.trim());
    if (cells.length < 2) {
      throw new ProfileFormatError('the header needs a taxon column and at least one sample column', lineNo);
    }
    const last = cells[cells.length - 1]!.toLowerCase();
    this.taxonomyColumn = last === 'taxonomy' || last === 'taxon' ? cells.length - 1 : -1;
    this.columns = cells;
    const samples = this.taxonomyColumn >= 0 ? cells.length - 2 : cells.length - 1;
    if (samples < 1) throw new ProfileFormatError('the header names no sample column', lineNo);
    checkSampleIds(
      cells.slice(1, 1 + samples),
      cells.slice(1, 1 + samples).map((_, i) => i + 1),
      lineNo,
    );
    this.collector = new TaxonCollector(samples);
  }

  private split(text: string, lineNo: number): string[] {
    return this.delimiter === '\t' ? text.split('\t') : splitCsvLine(text, lineNo);
  }

  private data(text: string, lineNo: number): void {
    const columns = this.columns!;
    const cells = this.split(text, lineNo);
    if (cells.length !== columns.length) {
      throw new ProfileFormatError(
        `expected ${columns.length} columns like the header, found ${cells.length}`,
        lineNo,
      );
    }
    const id = cells[0]!.trim();
    if (!id) throw new ProfileFormatError(`column '${columns[0]}' is empty`, lineNo, columns[0]);
    checkLimit(this.rows + 1, REPORT_LIMITS.features, () => limitMessages.features(REPORT_LIMITS.features));
    checkName(id, 'feature id', lineNo);
    this.features.add(id, lineNo);
    const sampleEnd = this.taxonomyColumn >= 0 ? this.taxonomyColumn : cells.length;
    const samples: number[] = [];
    const values: number[] = [];
    for (let c = 1; c < sampleEnd; c++) {
      const cell = cells[c]!;
      if (cell === '0') continue; // most cells of a feature table; skip the number check
      const v = parseAbundance(cell, lineNo, columns[c]!);
      if (v !== 0) {
        samples.push(c - 1);
        values.push(v);
      }
    }
    this.rows++;
    if (samples.length === 0) return;
    const { key, name, lineage } = this.taxonOf(
      id,
      this.taxonomyColumn >= 0 ? cells[this.taxonomyColumn] : undefined,
    );
    this.collector!.add(key, name, lineage, Uint32Array.from(samples), Float64Array.from(values));
  }

  private taxonOf(
    id: string,
    ownTaxonomy: string | undefined,
  ): { key: string; name: string; lineage: string[] } {
    const taxonomy = ownTaxonomy?.trim() || this.options.taxonomy?.get(id);
    if (taxonomy) return taxonAtRank(parseLineage(taxonomy), this.options.rank);
    if (this.options.taxonomy) this.unmatched++;
    // A first column holding a lineage (`k__Bacteria;…;g__Roseburia`) is its own taxonomy.
    if (/(^|[|;]\s*)[a-z]__/.test(id)) return taxonAtRank(parseLineage(id), this.options.rank);
    this.asGiven++;
    return { key: `=${id}`, name: id.replace(/_/g, ' '), lineage: [id] };
  }

  finish(): AbundanceTable {
    if (!this.columns || !this.collector) throw new ProfileFormatError('the table has no header line');
    if (this.rows === 0) throw new ProfileFormatError('the table has a header but no rows');
    const notes: string[] = [];
    if (this.unmatched > 0) notes.push(`${this.unmatched} features had no entry in taxonomy.tsv.`);
    const allAsGiven = this.asGiven === this.rows;
    if (allAsGiven) notes.push('No taxonomy was given, so each row is used as its own taxon.');
    return this.collector.finish({
      format: this.options.format,
      rank: allAsGiven ? 'feature' : this.options.rank,
      sampleIds: this.columns.slice(1, this.taxonomyColumn >= 0 ? this.taxonomyColumn : undefined),
      notes,
    });
  }
}

/**
 * QIIME 2 `taxonomy.tsv` (`Feature ID<TAB>Taxon[<TAB>Confidence]`) → feature id → taxonomy string.
 * Small enough to hold whole: one line per feature.
 */
export function parseTaxonomyTsv(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let taxonCol = -1;
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\ufeff/, '');
    if (line.trim() === '') return;
    const cells = line.split('\t');
    if (taxonCol < 0) {
      taxonCol = cells.findIndex((c) => /^(taxon|taxonomy)$/i.test(c.trim()));
      if (!/^(feature[ _]id|#otu ?id|id)$/i.test(cells[0]!.trim()) || taxonCol < 1) {
        throw new ProfileFormatError("taxonomy.tsv must start with a 'Feature ID' and 'Taxon' header", i + 1);
      }
      return;
    }
    if (line.startsWith('#')) return; // QIIME 2 `#q2:types` directive line
    const id = cells[0]!.trim();
    const taxon = cells[taxonCol]?.trim();
    if (!id || taxon === undefined) throw new ProfileFormatError('expected a feature id and a taxon', i + 1);
    map.set(id, taxon);
  });
  if (taxonCol < 0) throw new ProfileFormatError('taxonomy.tsv is empty');
  return map;
}
