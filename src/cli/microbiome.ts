/**
 * `gutbrain microbiome analyse FILE [--rank genus] [--sample NAME] [--taxonomy taxonomy.tsv]
 * [--modules modules.txt] [--json]`: the same analysis as the web page, in the terminal. Large files
 * stream with a progress bar on stderr (when it is a terminal).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type AlphaDiversity,
  analyseModules,
  analyseSample,
  FORMAT_LABELS,
  parseModuleFile,
  parseTaxonomyTsv,
  RANKS,
  type Rank,
  type SampleAnalysis,
} from '../core/microbiome/index.ts';
import { readReportFile } from '../server/microbiome/read-report.ts';

export const MICROBIOME_USAGE = `Usage: gutbrain microbiome analyse FILE [options]

Reads a MetaPhlAn profile, BIOM 1.0/2.1 table, QIIME 2 feature table, plain CSV/TSV of taxa, or a
HUMAnN KO table, and prints relative abundance, diversity, mood-associated taxa and modules.

Options:
  --rank RANK          ${RANKS.join(', ')} (default genus)
  --sample NAME        analyse only this sample of a multi-sample table
  --taxonomy FILE      QIIME 2 taxonomy.tsv for a feature table
  --modules FILE       module definitions (GBM format) for a KO table
  --top N              taxa to list per sample (default 10)
  --json               print JSON instead of text`;

const PROGRESS_FROM_BYTES = 5 * 1024 * 1024;

function progressBar(total: number): ((bytes: number) => void) | undefined {
  if (!process.stderr.isTTY || total < PROGRESS_FROM_BYTES) return undefined;
  let last = -1;
  return (bytes) => {
    const pct = Math.min(100, Math.floor((bytes / total) * 100));
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% of ${(total / 1048576).toFixed(0)} MB`,
    );
    if (pct === 100) process.stderr.write('\n');
  };
}

const pct = (share: number) => `${(share * 100).toFixed(share < 0.001 ? 3 : 1)}%`;
const num = (v: number) => v.toFixed(3);

function printSample(a: SampleAnalysis, top: number): void {
  const d = a.diversity;
  console.log(`\n${a.sampleId} — ${FORMAT_LABELS[a.format]}, ${a.rank} level`);
  for (const t of a.taxa.slice(0, top)) console.log(`  ${pct(t.share).padStart(7)}  ${t.name}`);
  if (a.taxa.length > top) console.log(`  … and ${a.taxa.length - top} more`);
  if (a.unclassifiedShare > 0) {
    console.log(`  ${pct(a.unclassifiedShare).padStart(7)}  (not assigned at this rank)`);
  }
  if (d) printDiversity(d);
  console.log('  Mood-associated taxa');
  for (const m of a.moodTaxa)
    console.log(`    ${m.present ? pct(m.share).padStart(7) : 'absent'.padStart(7)}  ${m.label}`);
  for (const n of a.notes) console.log(`  Note: ${n}`);
}

function printDiversity(d: AlphaDiversity): void {
  console.log('  Diversity');
  console.log(`    Shannon            ${num(d.shannonNats)} nats (${num(d.shannonBits)} bits)`);
  console.log(`    Simpson (1 − Σp²)  ${num(d.simpson)}`);
  console.log(`    Inverse Simpson    ${num(d.inverseSimpson)}`);
  console.log(`    Observed taxa      ${d.observed}`);
  console.log(`    Pielou evenness    ${d.pielou === null ? '— (needs two taxa)' : num(d.pielou)}`);
  console.log(
    `    Chao1              ${'value' in d.chao1 ? num(d.chao1.value) : `not computed: ${d.chao1.refused}`}`,
  );
}

export async function microbiomeCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'analyse' && sub !== 'analyze') {
    console.error(MICROBIOME_USAGE);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      rank: { type: 'string', default: 'genus' },
      sample: { type: 'string' },
      taxonomy: { type: 'string' },
      modules: { type: 'string' },
      top: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(MICROBIOME_USAGE);
    return 2;
  }
  if (!(RANKS as readonly string[]).includes(values.rank)) {
    console.error(`gutbrain: --rank must be one of ${RANKS.join(', ')}`);
    return 2;
  }
  const top = Number(values.top);
  const taxonomy = values.taxonomy ? parseTaxonomyTsv(readFileSync(values.taxonomy, 'utf8')) : undefined;
  const report = await readReportFile(
    file,
    { rank: values.rank as Rank, taxonomy },
    progressBar(statSync(file).size),
  );
  const pick = (ids: string[]) => {
    if (!values.sample) return ids.map((_, i) => i);
    const i = ids.indexOf(values.sample);
    if (i < 0) throw new Error(`no sample named '${values.sample}' in the file`);
    return [i];
  };

  if (report.kind === 'orthologs') {
    if (!values.modules) {
      console.error('gutbrain: this is a KO table; give module definitions with --modules FILE');
      return 2;
    }
    const modules = parseModuleFile(readFileSync(values.modules, 'utf8'));
    const results = analyseModules(report.table, modules).filter((_, i) =>
      pick(report.table.sampleIds).includes(i),
    );
    if (values.json) console.log(JSON.stringify(results, null, 2));
    else
      for (const r of results) {
        console.log(`\n${r.sampleId} — modules (coverage cut-off 0.66)`);
        for (const m of r.modules) {
          console.log(
            `  ${m.present ? 'present' : 'absent '}  ${m.id} ${m.name}: coverage ${num(m.coverage)}, abundance ${num(m.abundance)}`,
          );
        }
      }
    return 0;
  }
  const samples = pick(report.table.sampleIds).map((i) => analyseSample(report.table, i));
  if (values.json) {
    console.log(JSON.stringify(samples, null, 2));
    return 0;
  }
  for (const a of samples) printSample(a, Number.isFinite(top) && top > 0 ? top : 10);
  return 0;
}
