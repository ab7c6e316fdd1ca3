import { configDefaults, defineConfig } from 'vitest/config';
import MixedSequencer from './test/support/sequencer.ts';

/**
 * The deep tier: slow tests that `npm test` and `.ci/run` always run and `npm test -- --quick`
 * skips (scripts/test.mjs). Heavy fuzzing (200 runs per route; 1,000 in CI), parsing 40 MB tables to bound
 * memory, and SIGKILLing a writer; plus the `e2e` project (browser tests).
 */
const DEEP = [
  'test/api/route-fuzz.*.test.ts',
  'src/core/microbiome/stream-memory.test.ts',
  'test/crash/**/*.test.ts',
];

// Four projects: pure unit tests beside the code and API tests through app.inject on SQLite and
// PostgreSQL (the quick tier), then the deep tier: `deep` (listed above) and `e2e`, browser tests
// driving Debian's Chromium against a real server.
export default defineConfig({
  test: {
    // Three files at once on this 2-core machine, browser files mixed in among the busy ones
    // (test/support/sequencer.ts): a browser file waits much of its time. Every file makes its own
    // databases and servers on free ports, so files share no state.
    maxWorkers: 3,
    sequence: { sequencer: MixedSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.ts', 'knowledge/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...DEEP],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'api',
          isolate: false,
          include: ['test/api/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...DEEP],
          globalSetup: ['test/support/postgres-setup.ts', 'test/support/server-bundle-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'deep',
          include: DEEP,
          globalSetup: ['test/support/postgres-setup.ts', 'test/support/server-bundle-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: [
            'test/support/postgres-setup.ts',
            'test/support/web-build-setup.ts',
            'test/support/server-bundle-setup.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
