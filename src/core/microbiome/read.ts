/**
 * One entry point for every text report: feed chunks as they arrive, get the table at the end. The
 * format is detected from the first lines (or given), then each line goes to that format's reader,
 * so memory holds taxa, not the file. BIOM 2.1 is binary HDF5 and is opened by the caller instead
 * (`isHdf5` tells it apart from the first bytes).
 *
 * @example const p = new ReportParser({ rank: 'genus' }); p.push(chunk); …; const report = p.finish();
 */
import { Biom1StreamReader } from './biom1-stream.ts';
import { FeatureTableReader } from './feature-table.ts';
import { type KoTable, KoTableReader } from './humann.ts';
import { LineSplitter } from './lines.ts';
import { MetaphlanReader } from './metaphlan.ts';
import {
  type AbundanceTable,
  NOT_A_TEXT_REPORT,
  type ProfileFormat,
  ProfileFormatError,
  type Rank,
} from './types.ts';

export type ParsedReport = { kind: 'taxa'; table: AbundanceTable } | { kind: 'orthologs'; table: KoTable };

export interface ReportOptions {
  rank?: Rank;
  /** Skip detection. */
  format?: ProfileFormat;
  /** Feature id → taxonomy, from a QIIME 2 taxonomy.tsv. */
  taxonomy?: ReadonlyMap<string, string>;
}

interface LineReader {
  line(text: string, lineNo: number): void;
}

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start with the HDF5 signature (BIOM 2.1). */
export function isHdf5(head: Uint8Array): boolean {
  return HDF5_SIGNATURE.every((b, i) => head[i] === b);
}

/** The format of a text report from its first lines. */
export function detectFormat(lines: readonly string[]): ProfileFormat {
  const content = lines.filter((l) => l.trim() !== '');
  const first = content[0]?.trimStart() ?? '';
  if (first.startsWith('{')) return 'biom1';
  for (const line of content) {
    const cell = line.split('\t')[0]!.trim();
    if (/^#\s*gene ?family/i.test(cell) || /^(K\d{5}([|:].*)?|UNMAPPED|UNGROUPED)$/.test(cell))
      return 'humann_ko';
    if (line.startsWith('#mpa_') || /^#?clade_name$/i.test(cell)) return 'metaphlan';
    if (/^[kd]__[^;]*$/.test(cell) && line.includes('\t')) return 'metaphlan';
    if (line.startsWith('# Constructed from biom file') || /^#\s*OTU ID$/i.test(cell)) return 'qiime2_tsv';
  }
  return 'plain_table';
}

const DETECT_LINES = 40;

export class ReportParser {
  private readonly splitter = new LineSplitter();
  private pending: Array<[number, string]> = [];
  private reader: LineReader | null = null;
  private finishReader: (() => ParsedReport) | null = null;
  format: ProfileFormat | null = null;
  private started = false;
  private seenText = false;
  private biom: Biom1StreamReader | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(readonly options: ReportOptions = {}) {}

  push(chunk: Uint8Array | string): void {
    if (!this.started && typeof chunk !== 'string' && isHdf5(chunk)) {
      throw new ProfileFormatError('this is a BIOM 2.1 (HDF5) file; open it with the HDF5 reader');
    }
    this.started = true;
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new ProfileFormatError(NOT_A_TEXT_REPORT);
    }
    this.text(text);
  }

  private text(text: string): void {
    if (this.biom) {
      this.biom.push(text);
      return;
    }
    if (!this.reader && this.pending.length === 0 && !this.seenText) {
      // BIOM 1.0 JSON is often one long line: it streams by characters, not lines.
      const first = text.replace(/^\ufeff/, '').trimStart();
      if (first.length === 0) return;
      this.seenText = true;
      if ((this.options.format ?? (first.startsWith('{') ? 'biom1' : null)) === 'biom1') {
        this.format = 'biom1';
        this.biom = new Biom1StreamReader(this.options.rank ?? 'genus');
        this.biom.push(first);
        return;
      }
    }
    this.feed(this.splitter.push(text), false);
  }

  finish(): ParsedReport {
    let tail: string;
    try {
      tail = this.decoder.decode();
    } catch {
      throw new ProfileFormatError(NOT_A_TEXT_REPORT);
    }
    if (tail) this.text(tail);
    if (this.biom) return { kind: 'taxa', table: this.biom.finish() };
    this.feed(this.splitter.end(), true);
    if (!this.reader || !this.finishReader) throw new ProfileFormatError('the file is empty');
    return this.finishReader();
  }

  private feed(lines: Array<[number, string]>, last: boolean): void {
    if (!this.reader) {
      this.pending.push(...lines);
      if (this.pending.length < DETECT_LINES && !last) return;
      if (this.pending.every(([, t]) => t.trim() === '')) {
        if (last) return;
        this.pending = [];
        return;
      }
      this.start(this.options.format ?? detectFormat(this.pending.map(([, t]) => t)));
      lines = this.pending;
      this.pending = [];
    }
    const reader = this.reader!;
    for (const [n, t] of lines) reader.line(t, n);
  }

  private start(format: ProfileFormat): void {
    this.format = format;
    const rank = this.options.rank ?? 'genus';
    switch (format) {
      case 'metaphlan': {
        const r = new MetaphlanReader(rank);
        this.reader = r;
        this.finishReader = () => ({ kind: 'taxa', table: r.finish() });
        return;
      }
      case 'qiime2_tsv':
      case 'plain_table': {
        const r = new FeatureTableReader({ rank, format, taxonomy: this.options.taxonomy });
        this.reader = r;
        this.finishReader = () => ({ kind: 'taxa', table: r.finish() });
        return;
      }
      case 'humann_ko': {
        const r = new KoTableReader();
        this.reader = r;
        this.finishReader = () => ({ kind: 'orthologs', table: r.finish() });
        return;
      }
      case 'biom1':
        throw new ProfileFormatError('a BIOM 1.0 file starts with "{"');
      case 'biom2':
        throw new ProfileFormatError('BIOM 2.1 (HDF5) files are binary; open them with the HDF5 reader');
    }
  }
}

/** Reads a whole text report held in memory (tests, small uploads). */
export function readReportText(text: string, options: ReportOptions = {}): ParsedReport {
  const parser = new ReportParser(options);
  parser.push(text);
  return parser.finish();
}
