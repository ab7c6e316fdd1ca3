/**
 * The shipped programs, validated when this module loads (a bad definition fails every test and
 * the server's start, never a person's Today), and the programs' public API.
 */
import { GUT_BRAIN_30_DAY } from './definitions/gut-brain-30-day.ts';
import { THREE_LEVEL_GUIDE } from './definitions/three-level-guide.ts';
import { type Program, parseProgram } from './schema.ts';

export const PROGRAMS: readonly Program[] = [parseProgram(GUT_BRAIN_30_DAY), parseProgram(THREE_LEVEL_GUIDE)];

export function programById(id: string): Program | undefined {
  return PROGRAMS.find((p) => p.id === id);
}

export * from './calendar.ts';
export * from './progress.ts';
export * from './report.ts';
export * from './rules.ts';
export * from './schema.ts';
