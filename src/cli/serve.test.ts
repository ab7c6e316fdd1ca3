import { describe, expect, it } from 'vitest';
import { describeExit, parseWorkers } from './serve.ts';

describe('gutbrain serve options', () => {
  it('reads --workers, 1 by default', () => {
    expect(parseWorkers([])).toBe(1);
    expect(parseWorkers(['--workers', '4'])).toBe(4);
    expect(parseWorkers(['--workers=2'])).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two', '65']) {
      expect(() => parseWorkers([`--workers=${bad}`]), bad).toThrow(
        /--workers must be a whole number from 1 to 64/,
      );
    }
  });

  it('says why a server process stopped without saying what it was doing', () => {
    expect(describeExit(null, 'SIGKILL')).toMatch(/killed .*lack of memory/);
    // V8 aborts (exit code 134 when seen through a shell) on "JavaScript heap out of memory".
    expect(describeExit(null, 'SIGABRT')).toMatch(/out of memory/);
    expect(describeExit(134, null)).toMatch(/out of memory/);
    expect(describeExit(1, null)).toBe('it failed (exit code 1)');
    expect(describeExit(null, 'SIGSEGV')).toBe('it received SIGSEGV');
  });
});
