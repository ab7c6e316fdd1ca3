/**
 * What reading one uploaded report produces, run inside the upload worker: parse the stream, pick
 * the person's sample, analyse it (or score its modules) and check the result is small enough to
 * keep. Only this small result crosses back to the server thread, never the table.
 */
import { ChoiceError, DomainError, TooLargeError, ValidationError } from '../../core/errors.ts';
import {
  analyseSample,
  type ModuleDefinition,
  type ModuleResult,
  type ProfileFormat,
  type Rank,
  type SampleAnalysis,
  scoreModules,
} from '../../core/microbiome/index.ts';
import { limitMessages, REPORT_LIMITS, ReportLimitError } from '../../core/microbiome/limits.ts';
import { ReportTooLargeError, readReportStream } from './read-report.ts';

export interface UploadJob {
  rank: Rank;
  format?: ProfileFormat;
  /** Feature id → taxonomy (a QIIME 2 taxonomy.tsv the person uploaded), as entries. */
  taxonomy?: Array<[string, string]>;
  /** Which sample of a multi-sample table is the person's. */
  sample?: string;
  /** The person's module definitions, for a KO table. */
  modules: ModuleDefinition[] | null;
  maxBytes: number;
}

export type UploadResult =
  | { kind: 'taxa'; label: string; format: string; rank: string; analysis: SampleAnalysis }
  | { kind: 'modules'; label: string; format: 'humann_ko'; modules: ModuleResult[] };

/** An error as it crosses from the worker: the status and body the server answers with. */
export interface UploadFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
  /** A multi-sample file's sample names, for the web app's picker. */
  choices?: readonly string[];
}

/** How many sample names a multi-sample file's picker offers. */
const MAX_SAMPLE_CHOICES = 500;

/** Which column of a (possibly merged) table is this person's sample. */
export function pickSample(sampleIds: string[], wanted: string | undefined): number {
  if (wanted !== undefined) {
    const i = sampleIds.indexOf(wanted);
    if (i < 0) {
      throw new ValidationError(
        'sample',
        `This file has no sample named ‘${wanted.slice(0, 60)}’. It has ${listed(sampleIds)}.`,
      );
    }
    return i;
  }
  if (sampleIds.length === 1) return 0;
  // The web app offers these as a picker; a very wide table lists its first ones only.
  throw new ChoiceError(
    'sample',
    `This file holds ${sampleIds.length} samples. Choose which one is yours and upload it again.`,
    sampleIds.slice(0, MAX_SAMPLE_CHOICES),
  );
}

const listed = (ids: string[]) =>
  ids
    .slice(0, 8)
    .map((s) => `‘${s.slice(0, 60)}’`)
    .join(', ') + (ids.length > 8 ? ', …' : '');

/** Refuses an analysis too large to keep (a table of 10⁵ taxa with long names, say). */
export function checkStoredSize(analysis: SampleAnalysis): void {
  const bytes = Buffer.byteLength(JSON.stringify(analysis));
  if (bytes > REPORT_LIMITS.analysisBytes) {
    throw new ReportLimitError(limitMessages.analysis(bytes, REPORT_LIMITS.analysisBytes));
  }
}

export async function runUploadJob(stream: AsyncIterable<Uint8Array>, job: UploadJob): Promise<UploadResult> {
  const report = await readReportStream(
    stream,
    { rank: job.rank, format: job.format, taxonomy: job.taxonomy ? new Map(job.taxonomy) : undefined },
    undefined,
    job.maxBytes,
  );
  if (report.kind === 'taxa') {
    const analysis = analyseSample(report.table, pickSample(report.table.sampleIds, job.sample));
    checkStoredSize(analysis);
    return {
      kind: 'taxa',
      label: analysis.sampleId,
      format: report.table.format,
      rank: report.table.rank,
      analysis,
    };
  }
  if (!job.modules) {
    throw new ValidationError(
      'modules',
      'this is a KO table: upload a module definitions file first (PUT /api/microbiome/module-definitions)',
    );
  }
  const index = pickSample(report.table.sampleIds, job.sample);
  const modules = scoreModules(job.modules, (o) => report.table.orthologs.get(o)?.[index] ?? 0);
  return { kind: 'modules', label: report.table.sampleIds[index]!, format: 'humann_ko', modules };
}

/**
 * The answer for an error met while reading. Anything that is not one of our typed errors is a
 * file the readers did not foresee (h5wasm refusing a damaged header, say): still the file's fault,
 * so a 400 in words, never a 500.
 */
export function failureOf(e: unknown): UploadFailure {
  if (e instanceof ReportTooLargeError)
    return { status: 413, code: 'too_large', message: e.message, field: 'body' };
  if (e instanceof DomainError) {
    const status = e instanceof TooLargeError ? 413 : 400;
    return {
      status,
      code: e.code,
      message: e.message,
      ...(e.field ? { field: e.field } : {}),
      ...(e instanceof ChoiceError ? { choices: e.choices } : {}),
    };
  }
  if (e instanceof RangeError) {
    // A typed array or string over V8's own size limits: the file asked for more than it may.
    return {
      status: 413,
      code: 'too_large',
      message: 'The file needs more memory to read than an upload may use.',
    };
  }
  return {
    status: 400,
    code: 'malformed_profile',
    message:
      'The file could not be read as a microbiome report. Check that it is a MetaPhlAn, BIOM, QIIME 2 or HUMAnN file.',
    field: 'file',
  };
}
