/**
 * The one loop that turns the contract into Fastify routes. Each capability hands a table of
 * `route(endpoint, handler)` entries; every entry gets the same treatment here:
 *
 * - login is required unless the contract says `access: 'public'` (or `'optional'`), so a route
 *   cannot be public by forgetting a call;
 * - params, query and body are parsed with the contract's schemas (400 in plain words otherwise);
 * - in tests (`checkOutputs`), every JSON answer is checked against the contract's output schema,
 *   so the published types and OpenAPI document cannot drift from what the server sends.
 *
 * @example registerRoutes(app, ctx, habitRoutes(ctx));
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Endpoint, OutputOf, ParsedInput } from '../contract/endpoint.ts';
import type { AppContext } from './context.ts';
import { parseInput, unauthorized } from './plugins/errors.ts';
import type { Actor } from './services/context.ts';

type ActorOf<E extends Endpoint> = E['access'] extends 'public' | 'optional' ? Actor | null : Actor;

/** What a handler gets: the app, who is acting, the parsed input, and (for files, cookies) the raw request. */
export interface Call<E extends Endpoint> {
  ctx: AppContext;
  actor: ActorOf<E>;
  input: ParsedInput<E>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A JSON endpoint answers its output; a raw one (files, 204) sends through `reply` and returns it. */
type Answer<E extends Endpoint> = E['output'] extends { raw: string }
  ? FastifyReply | undefined
  : OutputOf<E>;

export interface Route<E extends Endpoint = Endpoint> {
  endpoint: E;
  // biome-ignore lint/suspicious/noExplicitAny: the table holds routes of every endpoint type.
  handler: (call: Call<E>) => Promise<Answer<E>> | Answer<E> | any;
}

/** Pairs an endpoint with its handler, checking the handler against the endpoint's types. */
export function route<E extends Endpoint>(
  endpoint: E,
  handler: (call: Call<E>) => Promise<Answer<E>>,
): Route<E> {
  return { endpoint, handler };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every endpoint registered from the contract, in order (for OpenAPI and generated tests). */
    endpoints: Endpoint[];
  }
}

export interface RouteTableOptions {
  /** Check every JSON answer against the contract's output schema (tests; costs a parse per answer). */
  checkOutputs: boolean;
}

export function registerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  routes: readonly Route[],
  options: RouteTableOptions,
): void {
  if (!app.hasDecorator('endpoints')) app.decorate('endpoints', []);
  const add = (scope: FastifyInstance, { endpoint: e, handler }: Route) => {
    const access = e.access ?? 'person';
    scope.route({
      method: e.method,
      url: e.path,
      ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
      handler: async (req, reply) => {
        if (access === 'person' && !req.auth) throw unauthorized();
        const actor = req.auth ? { personId: req.auth.personId } : null;
        const input = {
          params: e.params ? parseInput(e.params, req.params, 'params') : undefined,
          query: e.query ? parseInput(e.query, req.query, 'query') : undefined,
          body: e.body ? parseInput(e.body, req.body, 'body') : undefined,
        };
        // The success status is set first, so a handler may still answer another one (a repeated
        // creation answers 200); an error replaces it with its own.
        if (e.status && !('raw' in e.output)) reply.code(e.status);
        const result = await handler({ ctx, actor, input, req, reply } as Call<Endpoint>);
        if ('raw' in e.output) return result ?? reply.code(e.status ?? 204).send();
        if (options.checkOutputs) checkOutput(e, result);
        return result;
      },
    });
  };
  for (const r of routes) app.endpoints.push(r.endpoint);
  for (const r of routes) if (!r.endpoint.upload) add(app, r);
  const uploads = routes.filter((r) => r.endpoint.upload);
  if (uploads.length === 0) return;
  // Uploads arrive as raw bodies of any type but JSON: only their scope hands the stream over
  // untouched, so everywhere else a body that is not JSON is still refused (415).
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    for (const r of uploads) add(scope, r);
  });
}

function checkOutput(e: Endpoint, result: unknown): void {
  if ('raw' in e.output) return;
  const checked = e.output.safeParse(result);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  throw new Error(
    `${e.method} ${e.path} answered outside its contract at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
  );
}
