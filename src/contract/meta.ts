/** About the API itself. */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const getOpenApi = endpoint({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This document: every endpoint, generated from the contract (OpenAPI 3.1).',
  access: 'public',
  output: z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }),
});
