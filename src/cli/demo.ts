/**
 * `gutbrain demo`: creates a clearly labelled demo person ("Demo", email at example.invalid) with
 * 180 days of the seeded sample data in the configured database, and prints how to sign in.
 *
 * @example gutbrain demo --seed 2 --time-zone Europe/Dublin
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isTimeZone } from '../core/dates.ts';
import { DEMO_DAYS, loadSampleData } from '../server/services/demo.ts';
import { openStore } from '../store/open.ts';
import { hashPassword } from '../store/passwords.ts';
import { createPerson } from '../store/people.ts';
import { readConfig } from './config.ts';

export const DEMO_USAGE = `Usage: gutbrain demo [--seed N] [--time-zone ZONE] [--email EMAIL] [--password PASSWORD]

Creates a demo person named "Demo" with ${DEMO_DAYS} days of generated check-ins, foods, habits and
questionnaires ending today, and prints the email and password to sign in with.`;

export async function demoCommand(argv: string[], now = new Date()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      'time-zone': { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' },
      email: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  const seed = Number(values.seed);
  const timeZone = values['time-zone'];
  if (!Number.isInteger(seed) || seed < 1) throw new Error('--seed must be a whole number from 1');
  if (!isTimeZone(timeZone)) throw new Error(`--time-zone must be an IANA time zone, not ${timeZone}`);
  const password = values.password ?? randomBytes(12).toString('base64url');
  if (password.length < 12) throw new Error('--password must be at least 12 characters');
  const email = values.email ?? `demo-${randomBytes(4).toString('hex')}@example.invalid`;

  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const person = await createPerson(
      store.db,
      {
        email,
        passwordHash: await hashPassword(password, store.passwordHashing),
        displayName: 'Demo',
        timeZone,
      },
      now,
    );
    // The same service as "Try it with sample data": data, program and label in one transaction.
    const data = await loadSampleData({ store, now: () => now }, { personId: person.id }, { seed });
    console.log(`Demo person created with ${DEMO_DAYS} days of sample data (${data.from} to ${data.to}).`);
    console.log(`Sign in with\n  email:    ${email}\n  password: ${password}`);
    return 0;
  } finally {
    await store.close();
  }
}
