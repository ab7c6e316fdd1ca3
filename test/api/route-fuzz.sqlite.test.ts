/** Every route fuzzed on SQLite (test/support/route-fuzz.ts says how). */
import { fuzzEveryRoute } from '../support/route-fuzz.ts';

fuzzEveryRoute('sqlite');
