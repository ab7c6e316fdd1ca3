/**
 * Gut–brain modules (Valles-Colomer et al. 2019, doi:10.1038/s41564-018-0337-x) scored the way
 * omixer-rpm does (Darzi et al. 2016, doi:10.1038/ismej.2015.188; github.com/raeslab/omixer-rpm).
 *
 * Module file (GBM/GMM format, as read by omixer-rpm): a line `ID<TAB>name`, then one line per
 * reaction step, then `///`. On a step line, TAB separates alternative reactions (any one will do)
 * and a comma joins the orthologs of one complex (all subunits make one reaction):
 *
 *   MGB005<TAB>GABA synthesis I
 *   K01580<TAB>K13052,K13053
 *   ///
 *
 * A step is present when its chosen reaction has any abundance; coverage = present steps / steps.
 * A reaction's value is the mean over its complex's orthologs; the module's abundance is the median
 * of the present steps' values. omixer-rpm keeps the path with the highest coverage, then the
 * highest median; since the median never falls when one value rises, taking each step's
 * highest-valued alternative finds that same path without listing every combination.
 */
import { ProfileFormatError } from './types.ts';

export interface ModuleDefinition {
  id: string;
  name: string;
  /** steps → alternative reactions → orthologs of one reaction (a complex when more than one). */
  steps: string[][][];
}

export const DEFAULT_COVERAGE_CUTOFF = 0.66;

const ORTHOLOG = /^[A-Za-z][A-Za-z0-9_.:-]*$/;

/** Parses a module file; errors name the line. */
export function parseModuleFile(text: string): ModuleDefinition[] {
  const modules: ModuleDefinition[] = [];
  let current: ModuleDefinition | null = null;
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line === '///') {
      if (!current) throw new ProfileFormatError("'///' closes no module", lineNo);
      if (current.steps.length === 0)
        throw new ProfileFormatError(`module ${current.id} has no steps`, lineNo);
      modules.push(current);
      current = null;
      return;
    }
    if (!current) {
      const [id, ...name] = raw.split('\t');
      if (!id?.trim() || name.join(' ').trim() === '') {
        throw new ProfileFormatError("a module starts with 'ID<TAB>name'", lineNo);
      }
      current = { id: id.trim(), name: name.join(' ').trim(), steps: [] };
      return;
    }
    const alternatives = line.split('\t').map((alt, a) => {
      const orthologs = alt.split(',').map((o) => o.trim());
      for (const o of orthologs) {
        if (!ORTHOLOG.test(o)) {
          throw new ProfileFormatError(
            `'${o}' (reaction ${a + 1}) is not an ortholog id such as K00001`,
            lineNo,
          );
        }
      }
      return orthologs;
    });
    current.steps.push(alternatives);
  });
  if (current) {
    const open = current as ModuleDefinition;
    if (open.steps.length === 0) throw new ProfileFormatError(`module ${open.id} has no steps`, lines.length);
    modules.push(open);
  }
  if (modules.length === 0) throw new ProfileFormatError('the module file defines no module');
  return modules;
}

export interface ModuleResult {
  id: string;
  name: string;
  coverage: number;
  /** Median of the present steps' values on the best path (0 when no step is present). */
  abundance: number;
  /** Coverage at or above the cut-off. */
  present: boolean;
  /** The reaction chosen at each step (orthologs joined by '+'), null where none is present. */
  path: Array<string | null>;
}

/** Scores every module against one sample's ortholog abundances. */
export function scoreModules(
  modules: readonly ModuleDefinition[],
  abundance: (ortholog: string) => number,
  cutoff = DEFAULT_COVERAGE_CUTOFF,
): ModuleResult[] {
  return modules.map((m) => {
    const chosen: number[] = [];
    const path = m.steps.map((alternatives) => {
      let best = 0;
      let bestName: string | null = null;
      for (const reaction of alternatives) {
        let sum = 0;
        for (const o of reaction) sum += abundance(o);
        const value = sum / reaction.length;
        if (value > best) {
          best = value;
          bestName = reaction.join('+');
        }
      }
      if (bestName) chosen.push(best);
      return bestName;
    });
    const coverage = chosen.length / m.steps.length;
    return { id: m.id, name: m.name, coverage, abundance: median(chosen), present: coverage >= cutoff, path };
  });
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
