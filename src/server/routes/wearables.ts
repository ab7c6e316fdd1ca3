/** Wearables: the route table for src/contract/wearables.ts. */
import type { Readable } from 'node:stream';
import {
  deleteWearableSource,
  getDeviceDay,
  getWearables,
  importWearables,
  putDevicePriority,
} from '../../contract/wearables.ts';
import { ValidationError } from '../../core/errors.ts';
import { type Route, route } from '../route-table.ts';
import {
  changeDevicePriority,
  deviceDay,
  importWearableUpload,
  removeWearableSource,
  wearablesOverview,
} from '../services/wearables.ts';

/** The raw upload (the contract marks the import as an upload: its body arrives as a stream, unread). */
function uploadStream(body: unknown): AsyncIterable<Uint8Array> {
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) return body as Readable;
  throw new ValidationError(
    'file',
    'Send the export file itself as the request body, as application/zip or application/xml.',
    'no_file',
  );
}

export const wearableRoutes: Route[] = [
  route(importWearables, async ({ ctx, actor, input, req }) =>
    importWearableUpload(ctx, actor, uploadStream(req.body), input.query),
  ),
  route(getWearables, async ({ ctx, actor }) => wearablesOverview(ctx, actor)),
  route(putDevicePriority, async ({ ctx, actor, input }) =>
    changeDevicePriority(ctx, actor, input.body.origins),
  ),
  route(deleteWearableSource, async ({ ctx, actor, input }) => {
    await removeWearableSource(ctx, actor, input.params.source);
    return undefined;
  }),
  route(getDeviceDay, async ({ ctx, actor, input }) => deviceDay(ctx, actor, input.params.date)),
];
