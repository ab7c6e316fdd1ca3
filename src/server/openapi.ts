/**
 * The OpenAPI 3.1 document of every endpoint, generated from the contract's zod schemas (zod's own
 * JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as-is). Served at /api/openapi.json so
 * people can write their own clients and importers; a test validates it against the OpenAPI schema.
 */
import { z } from 'zod';
import { errorBody } from '../contract/common.ts';
import type { Endpoint } from '../contract/endpoint.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
};

/** `/api/habits/:date` → `/api/habits/{date}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(e: Endpoint) {
  const out: JsonSchema[] = [];
  for (const where of ['path', 'query'] as const) {
    const schema = where === 'path' ? e.params : e.query;
    if (!schema) continue;
    const json = toSchema(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  }
  return out;
}

const SECURITY_NOTE =
  'Sign in with POST /api/auth/login: the answer sets an HttpOnly session cookie and gives a CSRF token, ' +
  'which every POST, PUT, PATCH and DELETE sends back in the X-CSRF-Token header.';

export function openApiDocument(endpoints: readonly Endpoint[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const error = {
    description: 'An error, in words a person understands.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  for (const e of endpoints) {
    const path = openApiPath(e.path);
    paths[path] ??= {};
    const status = String(e.status ?? ('raw' in e.output ? 204 : 200));
    const success =
      'raw' in e.output
        ? { description: e.output.description, ...(e.output.raw ? { content: { [e.output.raw]: {} } } : {}) }
        : {
            description: 'Success.',
            content: { 'application/json': { schema: toSchema(e.output, 'output') } },
          };
    const access = e.access ?? 'person';
    paths[path][e.method.toLowerCase()] = {
      summary: e.summary,
      operationId: `${e.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(access === 'public'
        ? { security: [] }
        : access === 'optional'
          ? { security: [{}, { session: [] }] }
          : {}),
      parameters: parameters(e),
      ...(e.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(e.body, 'input') } },
            },
          }
        : e.upload
          ? {
              requestBody: {
                required: true,
                description: e.upload.description,
                content: { [e.upload.raw]: {} },
              },
            }
          : {}),
      responses: { [status]: success, '4XX': error },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Gutbrain API', version, description: SECURITY_NOTE },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gb_session' } },
      schemas: { Error: toSchema(errorBody, 'output') },
    },
    paths,
  };
}
