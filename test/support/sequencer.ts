/**
 * The order Vitest starts test files in. A browser file spends much of its time waiting (on
 * Chromium, its server, the network going quiet) and uses about half a core; the other files keep a
 * core busy. Vitest's own order runs project after project, so the browser files came last and ran
 * two at a time on a half-idle machine. This order mixes them: each list longest first (Vitest's
 * order: by the last run's duration, else by file size), taken in step, so that both lists are
 * used up at the same pace and browser files keep running beside the busy ones.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class MixedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((f) => f.project.name === 'e2e');
    const busy = sorted.filter((f) => f.project.name !== 'e2e');
    const weight = this.weigher(sorted);
    const total = (list: TestSpecification[]) => list.reduce((sum, f) => sum + weight(f), 0) || 1;
    const browserTotal = total(browser);
    const busyTotal = total(busy);
    const out: TestSpecification[] = [];
    let browserDone = 0;
    let busyDone = 0;
    let i = 0;
    let j = 0;
    while (i < browser.length || j < busy.length) {
      const takeBrowser =
        j >= busy.length || (i < browser.length && browserDone / browserTotal <= busyDone / busyTotal);
      const next = takeBrowser ? browser[i++] : busy[j++];
      if (!next) break;
      out.push(next);
      if (takeBrowser) browserDone += weight(next);
      else busyDone += weight(next);
    }
    return out;
  }

  /** A file's expected cost: its duration in the last run when every file has one, else its size. */
  private weigher(files: TestSpecification[]): (f: TestSpecification) => number {
    const { cache, config } = this.ctx;
    // The key Vitest's own sort reads its cache by.
    const key = (f: TestSpecification) => `${f.project.name}:${relative(config.root, f.moduleId)}`;
    const duration = (f: TestSpecification) => cache.getFileTestResults(key(f))?.duration;
    if (files.every((f) => duration(f) !== undefined)) return (f) => duration(f) ?? 0;
    return (f) => cache.getFileStats(key(f))?.size ?? 0;
  }
}
