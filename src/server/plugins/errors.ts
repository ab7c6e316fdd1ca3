/**
 * One error format for every answer: `{ error: { code, message, field?, choices? } }`. Zod failures become
 * 400 naming the first offending field; core's typed errors map to their status; anything else is
 * a 500 whose details stay in the log (without request bodies, which may hold health data).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  ChoiceError,
  ConflictError,
  DomainError,
  NotFoundError,
  TooLargeError,
  ValidationError,
} from '../../core/errors.ts';
import { fieldLabel, issueMessage, wordField } from './error-wording.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; choices?: readonly string[] };
}

export class HttpError extends DomainError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    field?: string,
  ) {
    super(code, message, field);
  }
}

export const unauthorized = () => new HttpError(401, 'unauthorized', 'Log in to continue.');

/** Parses `value` with `schema` or throws a ValidationError naming the field (prefixed by `where`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ValidationError(where, `${capitalise(fieldLabel(where))} could not be read.`);
  if (issue.code === 'unrecognized_keys') {
    const key = [...issue.path, issue.keys[0]].map(String).join('.');
    throw new ValidationError(key, `${capitalise(fieldLabel(key))} is not a field we know.`, 'unknown_field');
  }
  const field = issue.path.length ? issue.path.map(String).join('.') : where;
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    throw new ValidationError(field, `${capitalise(fieldLabel(field))} could not be read.`);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    throw new ValidationError(field, issueMessage(issue, field), 'required');
  }
  throw new ValidationError(field, issueMessage(issue, field));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function statusOf(e: DomainError): number {
  if (e instanceof HttpError) return e.status;
  if (e instanceof ValidationError) return 400;
  if (e instanceof NotFoundError) return 404;
  if (e instanceof ConflictError) return 409;
  if (e instanceof TooLargeError) return 413;
  return 400;
}

export function sendError(reply: FastifyReply, status: number, body: ErrorBody['error']): FastifyReply {
  return reply.code(status).send({ error: body } satisfies ErrorBody);
}

/**
 * Errors the router raises before any hook or handler runs (a param over `maxParamLength`, a URL
 * that cannot be decoded): the same error format, and the URL is not echoed back.
 * Passed to Fastify as the `frameworkErrors` server option.
 */
export function frameworkErrors(err: FastifyError, _req: unknown, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  sendError(reply, tooLong ? 414 : 400, {
    code: tooLong ? 'too_long' : 'bad_url',
    message: tooLong ? 'A part of the address is too long.' : 'The address could not be read.',
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    if (err instanceof DomainError) {
      const choices = err instanceof ChoiceError ? { choices: err.choices } : {};
      return sendError(reply, statusOf(err), {
        code: err.code,
        message: wordField(err.message, err.field),
        field: err.field,
        ...choices,
      });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      return sendError(reply, 400, {
        code: 'invalid_json',
        message: 'The request body is not valid JSON.',
        field: 'body',
      });
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(reply, 400, {
        code: 'required',
        message: 'The request body is empty.',
        field: 'body',
      });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, {
        code: 'unsupported_media_type',
        message: 'Send JSON (application/json).',
      });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, {
        code: 'too_large',
        message: 'The request body is too large.',
        field: 'body',
      });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, fe.statusCode, {
        code: 'bad_request',
        message: 'The request could not be read.',
      });
    }
    req.log.error({ err: { message: err.message, stack: err.stack, code: fe.code } }, 'unhandled error');
    return sendError(reply, 500, { code: 'internal', message: 'Something went wrong on our side.' });
  });
}
