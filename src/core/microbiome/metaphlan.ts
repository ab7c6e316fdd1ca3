/**
 * MetaPhlAn 2/3/4 profiles, single-sample or merged (`merge_metaphlan_tables.py`). Every rank is
 * stacked in one file and each rank sums to ~100 %, so only rows whose deepest level is the chosen
 * rank are taken: a genus row already contains its species and strains, and adding them would count
 * the same reads twice. `UNCLASSIFIED` (reads matching no clade) is kept apart, never as a taxon.
 */
import { TaxonCollector } from './collapse.ts';
import { checkLimit, limitMessages, REPORT_LIMITS } from './limits.ts';
import { parseLineage, taxonAtRank } from './lineage.ts';
import { checkSampleIds, parseAbundance, SeenIds } from './lines.ts';
import { type AbundanceTable, ProfileFormatError, RANK_OF_PREFIX, RANKS, type Rank } from './types.ts';

/** MetaPhlAn rounds to 5 decimals; what is left over below this (in %) is rounding, not a share. */
const ROUNDING = 0.01;

const TAXID_COLUMNS = new Set(['clade_taxid', 'ncbi_tax_id', 'taxid', 'tax_id']);
/** Single-profile columns that are not a sample (MetaPhlAn 3/4 `-t rel_ab[_w_read_stats]`). */
const EXTRA_COLUMNS = new Set(['coverage', 'estimated_number_of_reads_from_the_clade', 'additional_species']);

export class MetaphlanReader {
  private sampleIds: string[] | null = null;
  private valueColumns: number[] = [];
  private columnNames: string[] = [];
  private profileName: string | null = null;
  private collector: TaxonCollector | null = null;
  private rows = 0;
  private readonly clades = new SeenIds('clade');
  private readonly ranksPresent = new Set<Rank>();
  /** Per sample, the kingdom rows and UNCLASSIFIED: the whole profile (100 % when complete). */
  private profileTotals: Float64Array | null = null;
  private kingdomRows = 0;
  private unclassifiedRow: Float64Array | null = null;

  constructor(readonly rank: Rank) {}

  line(text: string, lineNo: number): void {
    if (text.trim() === '') return;
    if (text.startsWith('#')) {
      this.comment(text, lineNo);
      return;
    }
    const cells = text.split('\t');
    const first = cells[0]!.trim();
    if (!this.sampleIds && isHeaderName(first)) {
      this.header(cells, lineNo);
      return;
    }
    if (!this.sampleIds) this.headerless(cells, lineNo);
    this.data(cells, lineNo);
  }

  private comment(text: string, lineNo: number): void {
    const cells = text.slice(1).split('\t');
    const key = cells[0]!.trim();
    if (key === 'SampleID' && cells[1]) this.profileName = cells[1].trim();
    else if (!this.sampleIds && isHeaderName(key)) this.header(cells, lineNo);
  }

  /** `clade_name [taxid] (relative_abundance [extras] | sample1 sample2 …)`. */
  private header(cells: string[], lineNo: number): void {
    const names = cells.map((c) => c.trim());
    const single = names.findIndex((n) => n.toLowerCase() === 'relative_abundance');
    if (single > 0) {
      this.valueColumns = [single];
      this.sampleIds = [this.profileName ?? 'sample'];
    } else {
      this.valueColumns = [];
      const ids: string[] = [];
      names.forEach((n, i) => {
        const lower = n.toLowerCase();
        if (i === 0 || TAXID_COLUMNS.has(lower) || EXTRA_COLUMNS.has(lower)) return;
        this.valueColumns.push(i);
        ids.push(n.replace(/_profile$|_metaphlan_bugs_list$/, ''));
      });
      if (ids.length === 0) throw new ProfileFormatError('the header names no sample column', lineNo);
      checkSampleIds(ids, this.valueColumns, lineNo);
      this.sampleIds = ids;
    }
    this.columnNames = names;
    this.start(this.sampleIds.length);
  }

  private start(samples: number): void {
    this.collector = new TaxonCollector(samples);
    this.profileTotals = new Float64Array(samples);
    this.unclassifiedRow = new Float64Array(samples);
  }

  /** MetaPhlAn 2 wrote no header: clade and one abundance column. */
  private headerless(cells: string[], lineNo: number): void {
    if (cells.length < 2) throw new ProfileFormatError('expected a clade and an abundance', lineNo);
    this.valueColumns = [1];
    this.columnNames = ['clade_name', 'relative_abundance'];
    this.sampleIds = [this.profileName ?? 'sample'];
    this.start(1);
  }

  private data(cells: string[], lineNo: number): void {
    const collector = this.collector!;
    const clade = cells[0]!.trim();
    if (cells.length < this.valueColumns[this.valueColumns.length - 1]! + 1) {
      throw new ProfileFormatError(
        `expected ${this.columnNames.length} tab-separated columns, found ${cells.length}`,
        lineNo,
      );
    }
    const isUnclassified = /^(unclassified|unknown)$/i.test(clade);
    const segments = clade.split('|');
    const last = segments[segments.length - 1]!;
    const prefix = /^([a-z])__/.exec(last);
    if (!isUnclassified && !prefix) {
      throw new ProfileFormatError(
        `'${clade.slice(0, 40)}' is not a MetaPhlAn clade name (k__…|p__…)`,
        lineNo,
      );
    }
    checkLimit(this.rows + 1, REPORT_LIMITS.features, () => limitMessages.features(REPORT_LIMITS.features));
    this.clades.add(clade, lineNo);
    const rowRank = isUnclassified ? null : RANK_OF_PREFIX[prefix![1]!];
    if (rowRank) this.ranksPresent.add(rowRank);
    const isKingdom = rowRank === 'kingdom' && segments.length === 1;
    if (isKingdom) this.kingdomRows++;
    const atRank = rowRank === this.rank;
    const samples: number[] = [];
    const values: number[] = [];
    this.valueColumns.forEach((col, s) => {
      const v = parseAbundance(cells[col] ?? '', lineNo, this.columnNames[col] ?? `column ${col + 1}`);
      if (v === 0) return;
      if (isKingdom || isUnclassified) this.profileTotals![s]! += v;
      if (isUnclassified) {
        collector.addUnclassified(s, v);
        this.unclassifiedRow![s]! += v;
      } else if (atRank) {
        samples.push(s);
        values.push(v);
      }
    });
    this.rows++;
    if (!atRank || samples.length === 0) return;
    const taxon = taxonAtRank(parseLineage(clade), this.rank);
    collector.add(taxon.key, taxon.name, taxon.lineage, Uint32Array.from(samples), Float64Array.from(values));
  }

  finish(): AbundanceTable {
    if (!this.sampleIds || !this.collector || this.rows === 0) {
      throw new ProfileFormatError('the MetaPhlAn profile holds no clade rows');
    }
    if (!this.ranksPresent.has(this.rank)) {
      const present = RANKS.filter((r) => this.ranksPresent.has(r));
      throw new ProfileFormatError(
        `the profile has no ${this.rank}-level rows, so nothing can be shown at that rank; it has rows at ${present.join(', ')} level`,
        undefined,
        'rank',
      );
    }
    this.assignUnresolved();
    return this.collector.finish({
      format: 'metaphlan',
      rank: this.rank,
      sampleIds: this.sampleIds,
      valueKind: 'relative',
      notes: [`MetaPhlAn relative abundances (%); only ${this.rank}-level rows are used.`],
    });
  }

  /**
   * Each rank of a MetaPhlAn profile should sum to the whole profile (kingdom rows + UNCLASSIFIED,
   * 100 %). A clade with no row at the chosen rank leaves that part unclaimed: it is added to the
   * unassigned share so the taxa keep the shares the profile gives them (not rescaled to 100 %).
   */
  private assignUnresolved(): void {
    if (this.kingdomRows === 0) return;
    const collector = this.collector!;
    for (let s = 0; s < collector.sampleCount; s++) {
      const atRank = collector.totals[s]! - this.unclassifiedRow![s]!;
      const missing = this.profileTotals![s]! - this.unclassifiedRow![s]! - atRank;
      if (missing > ROUNDING) collector.addUnclassified(s, missing);
    }
  }
}

function isHeaderName(cell: string): boolean {
  const c = cell.toLowerCase();
  return c === 'clade_name' || c === 'id' || c === 'clade';
}
