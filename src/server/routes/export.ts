/** Export: the route table for src/contract/export.ts; every file is a download, never cached. */
import { getExportCsv, getExportFhir, getExportJson, getExportKinds } from '../../contract/export.ts';
import { sendAttachment } from '../attachment.ts';
import { type Route, route } from '../route-table.ts';
import * as exports from '../services/export.ts';

export const exportRoutes: Route[] = [
  route(getExportKinds, async ({ ctx, actor }) => exports.exportKinds(ctx, actor)),
  route(getExportJson, async ({ ctx, actor, reply }) => {
    const file = await exports.exportJson(ctx, actor);
    return sendAttachment(reply, file.fileName, 'application/json; charset=utf-8', file.body);
  }),
  route(getExportCsv, async ({ ctx, actor, input, reply }) => {
    const file = await exports.exportCsv(ctx, actor, input.params.kind);
    return sendAttachment(reply, file.fileName, 'text/csv; charset=utf-8', file.body);
  }),
  route(getExportFhir, async ({ ctx, actor, reply }) => {
    const file = await exports.exportFhir(ctx, actor);
    return sendAttachment(reply, file.fileName, 'application/fhir+json; charset=utf-8', file.body);
  }),
];
