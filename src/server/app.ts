/**
 * Builds the Fastify app: security, sessions, every route module, and the web app's files.
 *
 * @example const app = await buildApp({ store }); await app.listen({ port: 3000 });
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type AuthThrottlePolicy, DEFAULT_AUTH_THROTTLE } from '../core/auth/throttle.ts';
import type { KnowledgeGraph } from '../core/knowledge/index.ts';
import type { Store } from '../store/open.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../store/sessions.ts';
import { type AppContext, DEFAULT_PUSH_SETTINGS, type PushSettings } from './context.ts';
import { loadKnowledgeGraph } from './knowledge-graph.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './microbiome/upload-gate.ts';
import { registerAuth } from './plugins/auth.ts';
import { frameworkErrors, registerErrorHandling, sendError } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerSecurity } from './plugins/security.ts';
import { programCatalogue } from './program-files.ts';
import { scheduleReminderPushes } from './push/send.ts';
import { type Route, registerRoutes } from './route-table.ts';
import { authRoutes } from './routes/auth.ts';
import { checkinRoutes } from './routes/checkins.ts';
import { clinicianRoutes } from './routes/clinician.ts';
import { clinicRoutes } from './routes/clinics.ts';
import { demoRoutes } from './routes/demo.ts';
import { experimentRoutes } from './routes/experiments.ts';
import { exportRoutes } from './routes/export.ts';
import { foodRoutes } from './routes/foods.ts';
import { habitRoutes } from './routes/habits.ts';
import { importRoutes } from './routes/import.ts';
import { insightRoutes } from './routes/insights.ts';
import { knowledgeRoutes, quizRoutes } from './routes/knowledge.ts';
import { measureRoutes } from './routes/measures.ts';
import { metaRoutes } from './routes/meta.ts';
import { microbiomeRoutes } from './routes/microbiome.ts';
import { programRoutes } from './routes/programs.ts';
import { pushRoutes } from './routes/push.ts';
import { recommendationRoutes } from './routes/recommendations.ts';
import { reminderRoutes } from './routes/reminders.ts';
import { safetyRoutes } from './routes/safety.ts';
import { screenerRoutes } from './routes/screeners.ts';
import { sharingRoutes } from './routes/sharing.ts';
import { wearableRoutes } from './routes/wearables.ts';

export interface AppOptions {
  store: Store;
  sessionPolicy?: SessionPolicy;
  /** Sign-in throttling; OWASP-style defaults (core/auth/throttle.ts) where not given. */
  authThrottle?: Partial<AuthThrottlePolicy>;
  now?: () => Date;
  /** Folder with the built web app (index.html); not served when absent. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Proxies whose X-Forwarded-* headers are believed: a hop count or their addresses (never "all"). */
  trustProxy?: false | number | string[];
  /** The origin people open (PUBLIC_URL); cross-site writes are judged against it when set. */
  publicOrigin?: string;
  /** The knowledge graph; loaded from knowledge/*.yaml when absent (a broken graph stops start-up). */
  knowledge?: KnowledgeGraph;
  /** Web Push settings (VAPID subject, loopback endpoints for tests); defaults are for production. */
  push?: Partial<PushSettings>;
  /** Push due reminders every this many milliseconds while the app runs (`gutbrain serve`: a minute). */
  pushRemindersEveryMs?: number;
  /** Microbiome upload limits; tests shorten the time limit. */
  uploads?: Partial<UploadLimits>;
  /** Check every JSON answer against the contract (on under Vitest; a parse per answer). */
  checkOutputs?: boolean;
}

const isTest = process.env.VITEST === 'true';

/** Request logs carry method, path and status only: no query strings, bodies or cookies. */
export const safeLogSerializers = {
  req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * Fastify's own hop-count trust believes no proxy at all (it cannot tell a proxy from a client that
 * connects directly), which would give every person behind the proxy its one address. A hop count
 * is the operator's word that every request comes through that many proxies, so the nearest N
 * addresses are believed: X-Forwarded-For entries a client wrote itself lie further out and are
 * never taken as its address (proxy-addr's hop semantics, as in Express).
 */
export function proxyTrust(trustProxy: false | number | string[] | undefined) {
  if (typeof trustProxy !== 'number') return trustProxy ?? false;
  const hops = trustProxy;
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: proxyTrust(options.trustProxy),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  });
  const ctx: AppContext = {
    store: options.store,
    sessionPolicy: options.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    authThrottle: { ...DEFAULT_AUTH_THROTTLE, ...options.authThrottle },
    now: options.now ?? (() => new Date()),
    knowledge: options.knowledge ?? loadKnowledgeGraph(),
    push: { ...DEFAULT_PUSH_SETTINGS, ...options.push },
    uploads: { ...DEFAULT_UPLOAD_LIMITS, ...options.uploads },
  };

  // JSON only: a form post or plain text is refused with 415 before any handler runs.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  await registerSecurity(app, { publicOrigin: options.publicOrigin });
  registerInputGuard(app);
  await registerAuth(app, ctx.store.db, ctx.sessionPolicy, ctx.now);

  // The shipped programs and any a clinic put in PROGRAMS_DIR, validated now: a bad file stops start-up.
  programCatalogue(process.env.PROGRAMS_DIR || undefined);
  // The contract's route tables (src/contract, src/server/routes): one loop, login unless public.
  const tables: Route[][] = [
    authRoutes,
    habitRoutes,
    checkinRoutes,
    foodRoutes,
    measureRoutes,
    demoRoutes,
    reminderRoutes,
    pushRoutes,
    knowledgeRoutes,
    quizRoutes,
    safetyRoutes,
    screenerRoutes,
    recommendationRoutes,
    experimentRoutes,
    insightRoutes,
    programRoutes,
    sharingRoutes,
    clinicianRoutes,
    microbiomeRoutes,
    exportRoutes,
    importRoutes,
    wearableRoutes,
    clinicRoutes,
  ];
  registerRoutes(app, ctx, [...tables.flat(), ...metaRoutes], {
    checkOutputs: options.checkOutputs ?? isTest,
  });

  if (options.pushRemindersEveryMs) {
    const stop = scheduleReminderPushes(
      ctx,
      app.log.child({ job: 'reminder-push' }),
      options.pushRemindersEveryMs,
    );
    app.addHook('onClose', stop);
  }

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Vite names every file under assets/ after a hash of its content, so a new build brings new
      // names: browsers keep these for a year without asking again. Everything else (index.html,
      // the service worker, the manifest, icons) is asked about on each use.
      setHeaders: (reply, path) => {
        if (relative(webRoot, path).startsWith(`assets${sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });

  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api/') && req.method === 'GET' && hasWeb) {
      // Client-side routes (/today, /history, …) all load the single-page app.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, { code: 'not_found', message: 'No such page or endpoint.' });
  });
  return app;
}
