/**
 * The shape of one endpoint in the contract: method, path, who may call it, and the zod schemas of
 * what goes in (path params, query, JSON body) and what comes out. The server registers every
 * endpoint from these (src/server/route-table.ts), publishes them as OpenAPI (/api/openapi.json),
 * and the web client takes its types from them with `import type` — so zod never reaches a page
 * that does not validate anything itself.
 *
 * @example
 * export const getHabitDay = endpoint({
 *   method: 'GET', path: '/api/habits/:date', summary: "One day's habits",
 *   params: z.strictObject({ date: localDate }), output: habitDay,
 * });
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call: `person` (the default) needs a live session and acts for that person only;
 * `public` needs nothing (sign-in, the knowledge graph, health checks); `optional` reads the
 * session when there is one (the session endpoint itself).
 */
export type Access = 'person' | 'public' | 'optional';

/** An answer that is not JSON: a file download or an empty 204. */
export interface RawOutput {
  raw: string;
  description: string;
}

export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  O extends z.ZodType | RawOutput = z.ZodType | RawOutput,
> {
  method: Method;
  /** Fastify's form: `/api/habits/:date`. */
  path: string;
  /** One line for the OpenAPI document and for people reading the contract. */
  summary: string;
  /** Defaults to `person`. */
  access?: Access;
  params?: P;
  query?: Q;
  body?: B;
  output: O;
  /**
   * The request body is a file sent as itself, not JSON (microbiome uploads): no body schema, the
   * handler streams `req.body` to the upload worker untouched. `raw` is the media type accepted.
   */
  upload?: RawOutput;
  /** A larger JSON body than the app's 1 MB, in bytes (imports carry whole files as text). */
  bodyLimit?: number;
  /** The success status when it is not 200 (201 for a creation, 204 for nothing back). */
  status?: 200 | 201 | 202 | 204;
}

/** Declares an endpoint, keeping its literal types for the server and the web client. */
export function endpoint<
  const M extends Method,
  const Path extends string,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  O extends z.ZodType | RawOutput = z.ZodType,
>(e: Endpoint<P, Q, B, O> & { method: M; path: Path }): Endpoint<P, Q, B, O> & { method: M; path: Path } {
  return e;
}

/** The schema an optional property holds, or never when the endpoint has none. */
type Schema<S> = Exclude<S, undefined> extends z.ZodType ? Exclude<S, undefined> : never;
type In<S> = [Schema<S>] extends [never] ? undefined : z.input<Schema<S>>;
type Parsed<S> = [Schema<S>] extends [never] ? undefined : z.output<Schema<S>>;

/** What a caller sends: only the parts the endpoint has. */
export type InputOf<E extends Endpoint> = DropUndefined<{
  params: In<E['params']>;
  query: In<E['query']>;
  body: In<E['body']>;
}>;

/** What a handler receives after parsing. */
export interface ParsedInput<E extends Endpoint> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
}

/** What the endpoint answers (as JSON); `undefined` for a raw or empty answer. */
export type OutputOf<E extends Endpoint> = E['output'] extends z.ZodType ? z.output<E['output']> : undefined;

/**
 * Leaves out parts the endpoint does not have; a part that may be undefined (an optional body) or a
 * query whose fields are all optional may be left out.
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "an object with no required field" here.
type MayOmit<K, V> = undefined extends V ? true : K extends 'query' ? ({} extends V ? true : false) : false;
type DropUndefined<T> = {
  [K in keyof T as [T[K]] extends [undefined] ? never : MayOmit<K, T[K]> extends true ? never : K]: T[K];
} & {
  [K in keyof T as [T[K]] extends [undefined] ? never : MayOmit<K, T[K]> extends true ? K : never]?: T[K];
};
