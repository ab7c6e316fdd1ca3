/**
 * HUMAnN gene-family tables regrouped to KEGG orthologs (`humann_regroup_table -g uniref90_ko`):
 * `# Gene Family<TAB>sample_Abundance-RPKs…`, one row per KO, plus stratified rows
 * `K00001|g__Bacteroides.s__…` that split the same abundance by taxon. Only community (unstratified)
 * rows are read, so nothing is counted twice; UNMAPPED/UNGROUPED/UNINTEGRATED are not orthologs.
 */
import { checkLimit, limitMessages, REPORT_LIMITS } from './limits.ts';
import { checkSampleIds, parseAbundance, SeenIds } from './lines.ts';
import { ProfileFormatError } from './types.ts';

export interface KoTable {
  sampleIds: string[];
  /** KO id (`K00001`) → abundance per sample (RPK, CPM or counts as the file has them). */
  orthologs: Map<string, Float64Array>;
}

const KO = /^K\d{5}$/;
const NON_ORTHOLOG = /^(UNMAPPED|UNGROUPED|UNINTEGRATED)$/;

export class KoTableReader {
  private columns: string[] | null = null;
  private readonly orthologs = new Map<string, Float64Array>();
  private readonly seen = new SeenIds('ortholog');

  line(text: string, lineNo: number): void {
    if (text.trim() === '') return;
    const cells = text.split('\t');
    if (!this.columns) {
      if (!text.startsWith('#') && !/^(gene ?family|ko|id)$/i.test(cells[0]!.trim())) {
        throw new ProfileFormatError("a KO table starts with a header such as '# Gene Family'", lineNo);
      }
      if (cells.length < 2) throw new ProfileFormatError('the header names no sample column', lineNo);
      this.columns = cells.map((c) => c.trim());
      const samples = this.columns.length - 1;
      checkLimit(samples, REPORT_LIMITS.samples, () => limitMessages.samples(samples, REPORT_LIMITS.samples));
      checkSampleIds(
        this.columns.slice(1),
        this.columns.slice(1).map((_, i) => i + 1),
        lineNo,
      );
      return;
    }
    if (text.startsWith('#')) return;
    const id = cells[0]!.trim();
    if (id.includes('|') || NON_ORTHOLOG.test(id)) return;
    const ko = id.split(':')[0]!.trim();
    if (!KO.test(ko)) {
      throw new ProfileFormatError(
        `'${ko.slice(0, 30)}' is not a KEGG ortholog id (K followed by 5 digits)`,
        lineNo,
      );
    }
    if (cells.length !== this.columns.length) {
      throw new ProfileFormatError(
        `expected ${this.columns.length} columns like the header, found ${cells.length}`,
        lineNo,
      );
    }
    // `K00001: name` and `K00001` are the same ortholog: a second row would be summed unseen.
    this.seen.add(ko, lineNo);
    checkLimit((this.orthologs.size + 1) * (cells.length - 1), REPORT_LIMITS.values, () =>
      limitMessages.values(REPORT_LIMITS.values),
    );
    const values = new Float64Array(cells.length - 1);
    for (let c = 1; c < cells.length; c++) {
      values[c - 1] = parseAbundance(cells[c]!, lineNo, this.columns[c]!);
    }
    this.orthologs.set(ko, values);
  }

  finish(): KoTable {
    if (!this.columns) throw new ProfileFormatError('the KO table is empty');
    const sampleIds = this.columns.slice(1).map((c) => c.replace(/_Abundance(-RPKs|-CPM|-RELAB)?$/i, ''));
    return { sampleIds, orthologs: this.orthologs };
  }
}
