/**
 * `gutbrain import`: reads a wearable or phone-health export on this machine into a person's data,
 * for files too large to upload comfortably (an Apple Health export.zip of years runs to GBs). The
 * same reader, daily rules and all-or-nothing write as the upload under Data & sharing.
 *
 * @example gutbrain import ~/Downloads/export.zip --email ana@example.org
 */
import { parseArgs } from 'node:util';
import { WEARABLE_SOURCES, type WearableSource } from '../core/wearables/samples.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../server/microbiome/upload-gate.ts';
import { importWearablePath } from '../server/services/wearables.ts';
import { openStore } from '../store/open.ts';
import { findPersonByEmail } from '../store/people.ts';
import { readConfig } from './config.ts';

export const IMPORT_USAGE = `Usage: gutbrain import FILE --email ADDRESS [--source ${WEARABLE_SOURCES.join('|')}]

Imports an export from a phone or wearable into the account with that email: steps, sleep, resting
heart rate, heart-rate variability, breathing rate, mindful minutes, daylight and workouts, one value
per day. Importing the same file again adds nothing. Without --source, the kind of export is
recognised from the file (Apple Health, Fitbit's Google Takeout zip, Oura, a Gadgetbridge database).`;

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const [path] = positionals;
  if (!path || !values.email || positionals.length > 1) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  const source = values.source;
  if (source !== undefined && !(WEARABLE_SOURCES as readonly string[]).includes(source)) {
    throw new Error(`--source must be one of ${WEARABLE_SOURCES.join(', ')}`);
  }
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const person = await findPersonByEmail(store.db, values.email);
    if (!person) throw new Error(`no account with the email ${values.email}`);
    const summary = await importWearablePath(
      { store, now: () => new Date(), uploads: DEFAULT_UPLOAD_LIMITS },
      { personId: person.id },
      path,
      source as WearableSource | undefined,
    );
    const words: Record<keyof typeof summary.skipped, string> = {
      unusedTypes: 'of kinds Gutbrain does not use',
      badDates: 'dated before 1900 or after today',
      implausible: 'with impossible values',
      duplicates: 'repeated',
    };
    const skipped = Object.entries(summary.skipped)
      .filter(([, n]) => n > 0)
      .map(([why, n]) => `${n} ${words[why as keyof typeof words]}`)
      .join(', ');
    console.log(
      `${summary.sourceName}: ${summary.values} daily values from ${summary.from} to ${summary.to} — ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} already there.`,
    );
    console.log(
      `Read ${summary.samples} samples from ${summary.origins.join(', ')}${skipped ? `; left out: ${skipped}` : ''}.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
