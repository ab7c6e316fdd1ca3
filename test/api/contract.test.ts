/**
 * The contract (src/contract) covers every route: each /api route Fastify registers was registered
 * from an endpoint of the contract (src/server/route-table.ts), the OpenAPI document generated from
 * it validates against the OpenAPI 3.1 schema, and it describes exactly the registered routes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../support/db.ts';

/**
 * Routes still registered by hand while the restructuring (issue 19) moves them into the contract.
 * This list only shrinks; the last test below fails until it is empty.
 */
const NOT_YET_IN_CONTRACT: string[] = [];

const root = join(import.meta.dirname, '../..');

describe('the contract', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    app = await buildApp({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const registered = () => [
    ...new Set(app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`)),
  ];
  const inContract = () => app.endpoints.map((e) => `${e.method} ${e.path}`);

  it('names every registered /api route once, and nothing that is not registered', () => {
    const contract = inContract();
    expect(new Set(contract).size, 'an endpoint is registered twice').toBe(contract.length);
    const missing = registered().filter((k) => !contract.includes(k) && !NOT_YET_IN_CONTRACT.includes(k));
    expect(missing, 'add these to src/contract and register them from a route table').toEqual([]);
    const moved = NOT_YET_IN_CONTRACT.filter((k) => contract.includes(k) || !registered().includes(k));
    expect(moved, 'remove these from NOT_YET_IN_CONTRACT').toEqual([]);
  });

  it('publishes an OpenAPI 3.1 document that validates and lists exactly the contract', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(inContract().sort());
    // A path parameter is always documented as required, with the schema of its contract.
    const habit = doc.paths['/api/habits/{date}']?.get as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(habit.parameters).toEqual([expect.objectContaining({ name: 'date', in: 'path', required: true })]);
  });

  it('needs a login for every endpoint unless the contract says public', async () => {
    for (const e of app.endpoints) {
      if (e.access === 'public' || e.access === 'optional') continue;
      const url = e.path.replace(/:([A-Za-z]+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({ method: e.method, url });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it('has no route file importing another route file, and one definition of localDate', () => {
    const routes = join(root, 'src/server/routes');
    for (const file of readdirSync(routes)) {
      const text = readFileSync(join(routes, file), 'utf8');
      const imports = [...text.matchAll(/from '(\.\/[^']+|\.\.\/routes\/[^']+)'/g)].map((m) => m[1]);
      expect(imports, `${file} imports a route file`).toEqual([]);
    }
    const definitions = grep(join(root, 'src'), /(const|function|let)\s+localDate\b\s*[=(:]/);
    expect(definitions).toEqual(['src/core/date-schemas.ts']);
  });

  it('has moved every route into the contract (issue 19)', () => {
    expect(NOT_YET_IN_CONTRACT).toEqual([]);
  });
});

function grep(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (pattern.test(readFileSync(path, 'utf8'))) found.push(path.slice(root.length + 1));
  }
  return found;
}
