/**
 * Typed errors thrown by `core` and `store`; the server maps each to an HTTP status and the
 * `{ error: { code, message, field? } }` body (see server/plugins/errors.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: answered with 400 and the offending field. */
export class ValidationError extends DomainError {
  constructor(field: string, message: string, code = 'invalid') {
    super(code, message, field);
  }
}

/** Missing, or owned by someone else: both answer 404 so that existence never leaks. */
export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super('not_found', `No such ${what}.`);
  }
}

/**
 * Input that needs the person to pick one of a few values (which sample in a multi-sample file,
 * say): answered with 400, the field and the values to offer as `choices`.
 */
export class ChoiceError extends ValidationError {
  constructor(
    field: string,
    message: string,
    readonly choices: readonly string[],
  ) {
    super(field, message, 'choose_one');
  }
}

/** A write that collides with existing data (an email already registered, say). */
export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super('conflict', message, field);
  }
}

/** Input beyond a stated limit (a file too big, too many rows): answered with 413 and the limit in words. */
export class TooLargeError extends DomainError {
  constructor(message: string, field?: string) {
    super('too_large', message, field);
  }
}
