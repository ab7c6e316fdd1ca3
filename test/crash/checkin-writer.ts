/**
 * Child process for the crash test: saves check-ins through the store as fast as it can and prints
 * `ack <date>` after each save has returned (that is, after it was acknowledged).
 * argv: <sqliteFile|databaseUrl> <personId> <firstDayOffset>
 */
import { addDays } from '../../src/core/dates.ts';
import { CHECKIN_SOURCE, replaceDayObservations } from '../../src/store/observations.ts';
import { openStore } from '../../src/store/open.ts';

const [target = '', personId = '', offset = '0'] = process.argv.slice(2);
const store = await openStore(
  target.startsWith('postgres') ? { databaseUrl: target } : { sqliteFile: target },
);
for (let i = 0; ; i++) {
  const date = addDays('2000-01-01', Number(offset) + i);
  await replaceDayObservations(store.db, personId, date, CHECKIN_SOURCE, [
    { measure: 'mood', value: (i % 10) + 1, text: null },
    { measure: 'note', value: null, text: `entry ${i}` },
  ]);
  process.stdout.write(`ack ${date}\n`);
}
