/** Wearables and phone health data (issue 20): import an export, see and order its sources, delete one. */
import { z } from 'zod';
import { WEARABLE_SOURCES } from '../core/wearables/samples.ts';
import { dateParams, localDate, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

const source = z.enum(WEARABLE_SOURCES);
const count = z.number().int().min(0);

export const wearableImportSummary = z.strictObject({
  source,
  sourceName: z.string(),
  fileName: z.string(),
  /** When this very file was imported before, if it was. */
  previousImport: z.string().nullable(),
  from: localDate.nullable(),
  to: localDate.nullable(),
  /** Daily values the file gives, and what became of them. */
  values: count,
  added: count,
  updated: count,
  unchanged: count,
  /** Samples read and used. */
  samples: count,
  skipped: z.strictObject({ unusedTypes: count, badDates: count, implausible: count, duplicates: count }),
  /** The apps and devices in the file, highest priority first. */
  origins: z.array(z.string()),
});

export const wearablesOverview = z.strictObject({
  sources: z.array(
    z.strictObject({ source, sourceName: z.string(), values: count, from: localDate, to: localDate }),
  ),
  /** Every app or device named in the person's device data, in the order that counts now. */
  origins: z.array(z.string()),
  /** The order the person set (may be empty: the default then applies). */
  priority: z.array(z.string()),
});

/** One daily value from a device export: its measure, unit, the export and the apps and devices behind it. */
export const deviceValue = z.strictObject({
  measure: z.string(),
  label: z.string(),
  /** 'steps', 'hours', 'beats/min', 'ms', 'minutes after midnight' (bedtime, wake time), …; null if none. */
  unit: z.string().nullable(),
  value: z.number(),
  source,
  sourceName: z.string(),
  /** The apps or devices it came from, highest priority first ("Ana’s Apple Watch"). */
  origins: z.array(z.string()),
  /** Their device models, when the export named them ("Watch6,2"). */
  devices: z.array(z.string()),
});

export const deviceDayAnswer = z.strictObject({
  date: localDate,
  values: z.array(deviceValue),
});

export const importWearables = endpoint({
  method: 'POST',
  path: '/api/wearables/import',
  summary:
    'Imports an export (the file itself as the body: application/zip or application/xml); all or nothing, and importing it again adds nothing.',
  query: z.strictObject({
    source: source.optional(),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  upload: {
    raw: 'application/zip',
    description:
      'The export itself: a zip (Apple Health export.zip, a Fitbit takeout, an Oura or Gadgetbridge archive), an export.xml, or a Gadgetbridge database.',
  },
  output: wearableImportSummary,
});

export const getWearables = endpoint({
  method: 'GET',
  path: '/api/wearables',
  summary: 'The exports imported, and the order of apps and devices when two recorded the same thing.',
  output: wearablesOverview,
});

export const putDevicePriority = endpoint({
  method: 'PUT',
  path: '/api/wearables/priority',
  summary: 'Sets the order of apps and devices (highest first); it applies to the next import.',
  body: z.strictObject({ origins: z.array(z.string().trim().min(1).max(100)).max(50) }),
  output: wearablesOverview,
});

export const deleteWearableSource = endpoint({
  method: 'DELETE',
  path: '/api/wearables/sources/:source',
  summary: 'Deletes everything one export brought in.',
  params: z.strictObject({ source }),
  output: noContent,
  status: 204,
});

export const getDeviceDay = endpoint({
  method: 'GET',
  path: '/api/wearables/days/:date',
  summary: "One day's values from devices, each with the apps and devices it came from.",
  params: dateParams,
  output: deviceDayAnswer,
});
