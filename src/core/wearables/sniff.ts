/**
 * Recognising a file meant for another import, so the person is told what they chose instead of
 * "could not be read": the archive's paths and the first bytes of a file each export begins with.
 */

import type { WearableSource } from './samples.ts';

const ARCHIVE_SIGNS: [WearableSource, RegExp, string][] = [
  ['apple-health', /(^|\/)apple_health_export\/|(^|\/)export\.xml$/, 'an Apple Health export'],
  ['oura', /(^|\/)(sleepmodel|dailyactivity|dailysleep|dailyreadiness)\.csv$/i, 'an Oura export'],
  [
    'fitbit',
    /(^|\/)Takeout\/Fitbit\/|(^|\/)(steps|sleep)-\d{4}-\d{2}-\d{2}\.json$/,
    'a Fitbit export from Google Takeout',
  ],
  ['gadgetbridge', /(^|\/)Gadgetbridge(\.db)?$|\.db$/i, 'a database (Gadgetbridge exports one)'],
];

/** Which other export (than `own`) an archive's paths look like, in words, or null. */
export function otherExportIn(paths: readonly string[], own: WearableSource): string | null {
  for (const [source, re, words] of ARCHIVE_SIGNS) {
    if (source !== own && paths.some((p) => re.test(p))) return words;
  }
  return null;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** What the first bytes of a file say it is: 'zip', 'sqlite', 'xml', 'json', 'gzip' or 'text'. */
export function fileKindOf(head: Uint8Array): 'zip' | 'sqlite' | 'xml' | 'json' | 'gzip' | 'text' {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  const text = String.fromCharCode(...head.subarray(0, 16));
  if (text === SQLITE_HEADER) return 'sqlite';
  const start = new TextDecoder('utf-8').decode(head.subarray(0, 64)).trimStart();
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

/** Words for a file of the wrong kind, for the error a reader gives. */
export function describeKind(kind: ReturnType<typeof fileKindOf>): string {
  switch (kind) {
    case 'zip':
      return 'a zip archive';
    case 'gzip':
      return 'a .tgz/.gz archive (choose .zip when you make the export)';
    case 'sqlite':
      return 'a database';
    case 'xml':
      return 'an XML file (Apple Health exports one)';
    case 'json':
      return 'a JSON file';
    default:
      return 'a text file';
  }
}
