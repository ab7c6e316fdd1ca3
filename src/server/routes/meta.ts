/** The OpenAPI document, built once per app from every endpoint it registered. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getOpenApi } from '../../contract/meta.ts';
import { openApiDocument } from '../openapi.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { type Route, route } from '../route-table.ts';

const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
type Doc = { openapi: '3.1.0'; paths: Record<string, unknown> };
const documents = new WeakMap<FastifyInstance, Doc>();

export const metaRoutes: Route[] = [
  route(getOpenApi, async ({ req }) => {
    let doc = documents.get(req.server);
    if (!doc) {
      doc = openApiDocument(req.server.endpoints, version) as Doc;
      documents.set(req.server, doc);
    }
    return doc;
  }),
];
