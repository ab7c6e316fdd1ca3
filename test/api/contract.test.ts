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
const NOT_YET_IN_CONTRACT: string[] = [
  'DELETE /api/account',
  'DELETE /api/checkins/:date',
  'DELETE /api/experiments/:id',
  'DELETE /api/food-entries/:id',
  'DELETE /api/foods/custom/:foodId',
  'DELETE /api/measures/custom/:id',
  'DELETE /api/measures/custom/:id/values/:date',
  'DELETE /api/push/subscriptions',
  'DELETE /api/recommendations/:id/feedback',
  'DELETE /api/screeners/responses/:id',
  'GET /api/auth/session',
  'GET /api/checkins',
  'GET /api/checkins/:date',
  'GET /api/enrolments',
  'GET /api/enrolments/:id',
  'GET /api/enrolments/today',
  'GET /api/experiments',
  'GET /api/experiments/:id',
  'GET /api/experiments/:id/result',
  'GET /api/food-days/:date',
  'GET /api/foods',
  'GET /api/foods/:foodId',
  'GET /api/foods/custom',
  'GET /api/foods/recent',
  'GET /api/insights/associations',
  'GET /api/insights/daily',
  'GET /api/insights/week',
  'GET /api/knowledge',
  'GET /api/knowledge/claims',
  'GET /api/knowledge/edges',
  'GET /api/knowledge/edges/:id',
  'GET /api/knowledge/nodes',
  'GET /api/knowledge/nodes/:id',
  'GET /api/knowledge/nodes/:id/neighbourhood',
  'GET /api/knowledge/references',
  'GET /api/knowledge/references/:id',
  'GET /api/knowledge/rhythm',
  'GET /api/measures',
  'GET /api/measures/custom',
  'GET /api/measures/custom/:id/values',
  'GET /api/programs',
  'GET /api/programs/:programId',
  'GET /api/push/key',
  'GET /api/quiz/attempts',
  'GET /api/quiz/attempts/:id',
  'GET /api/quiz/questions',
  'GET /api/recommendations',
  'GET /api/reminders',
  'GET /api/reminders/due',
  'GET /api/safety/regions',
  'GET /api/safety/status',
  'GET /api/screeners/instruments',
  'GET /api/screeners/overview',
  'GET /api/screeners/responses',
  'GET /api/screeners/responses/:id',
  'PATCH /api/account',
  'PATCH /api/experiments/:id',
  'PATCH /api/food-entries/:id',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/register',
  'POST /api/demo',
  'POST /api/enrolments',
  'POST /api/enrolments/:id/leave',
  'POST /api/enrolments/:id/pause',
  'POST /api/enrolments/:id/restart',
  'POST /api/enrolments/:id/resume',
  'POST /api/experiments',
  'POST /api/food-entries',
  'POST /api/foods/custom',
  'POST /api/knowledge/search',
  'POST /api/measures/custom',
  'POST /api/push/subscriptions',
  'POST /api/quiz/attempts',
  'POST /api/quiz/check',
  'POST /api/recommendations/:id/dismiss',
  'POST /api/recommendations/:id/snooze',
  'POST /api/reminders/dismissals',
  'POST /api/safety/dismissals',
  'POST /api/screeners/:instrument',
  'POST /api/screeners/responses/:id/support-read',
  'PUT /api/checkins/:date',
  'PUT /api/enrolments/:id/choices',
  'PUT /api/enrolments/:id/ticks',
  'PUT /api/foods/:foodId/favourite',
  'PUT /api/measures/custom/:id/values/:date',
  'PUT /api/reminders',
  'PUT /api/safety/region',
];

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
