/**
 * An app on a fresh store for one describe block, with a clock the tests move by assigning
 * `t.clock`, and sessions that outlive the weeks a test jumps across.
 *
 * @example const t = useClockedApp(engine, '2026-04-20T12:00:00Z'); … t.clock = new Date('2026-04-27T12:00:00Z');
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Engine, Store } from '../../src/store/open.ts';
import { openTestStore } from './db.ts';

export interface ClockedApp {
  store: Store;
  app: FastifyInstance;
  clock: Date;
}

export function useClockedApp(engine: Engine, start: string): ClockedApp {
  const t = { clock: new Date(start) } as ClockedApp;
  beforeAll(async () => {
    t.store = await openTestStore(engine);
    t.app = await buildApp({
      store: t.store,
      now: () => t.clock,
      sessionPolicy: { idleMs: 90 * 86_400_000, absoluteMs: 365 * 86_400_000 },
    });
  });
  afterAll(async () => {
    await t.app?.close();
    await t.store?.close();
  });
  return t;
}
