/** Import: the route table for src/contract/import.ts (bodies up to 25 MB: files travel as text). */
import { getImports, postImportCommit, postImportPreview } from '../../contract/import.ts';
import { type Route, route } from '../route-table.ts';
import { pastImports, runImport } from '../services/import.ts';

export const importRoutes: Route[] = [
  route(postImportPreview, async ({ ctx, actor, input }) => runImport(ctx, actor, input.body, true)),
  route(postImportCommit, async ({ ctx, actor, input }) => runImport(ctx, actor, input.body, false)),
  route(getImports, async ({ ctx, actor }) => pastImports(ctx, actor)),
];
