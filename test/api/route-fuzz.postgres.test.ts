/** Every route fuzzed on PostgreSQL, when the suite has one (test/support/route-fuzz.ts says how). */
import { describe } from 'vitest';
import { testEngines } from '../support/db.ts';
import { fuzzEveryRoute } from '../support/route-fuzz.ts';

describe.runIf(testEngines().includes('postgres'))('PostgreSQL', () => fuzzEveryRoute('postgres'));
