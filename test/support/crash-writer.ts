/**
 * The arguments that start the crash test's writer (test/crash/checkin-writer.ts) with `node`:
 * the run's bundle (test/support/server-bundle-setup.ts), else the source through tsx.
 *
 * @example spawn(process.execPath, [...writerArgs(), file, personId, '0'])
 */
import { inject } from 'vitest';

export const writerArgs = (): string[] => {
  const bundled = inject('crashWriter');
  return bundled ? [bundled] : ['--import', 'tsx', 'test/crash/checkin-writer.ts'];
};
