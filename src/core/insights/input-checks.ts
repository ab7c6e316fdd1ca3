/**
 * Guards for the exported statistics helpers: a NaN or an empty group would otherwise flow through
 * the arithmetic and come out as a plausible-looking number (a ρ of 0.83, an interval around 0).
 * They throw a typed error instead, which the server maps to a 400.
 *
 * @example assertFiniteValues([1, Number.NaN], 'withValues') // throws StatisticsInputError
 */
import { ValidationError } from '../errors.ts';

/** Input a statistics helper cannot work with (NaN, infinity, too few values). */
export class StatisticsInputError extends ValidationError {
  constructor(field: string, message: string) {
    super(field, message, 'invalid_statistics_input');
  }
}

/** Every value a finite number, and at least `min` of them. */
export function assertFiniteValues(values: ArrayLike<number>, field: string, min = 1): void {
  if (values.length < min) {
    throw new StatisticsInputError(
      field,
      `${field} needs at least ${min} value${min === 1 ? '' : 's'}, got ${values.length}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) {
      throw new StatisticsInputError(
        field,
        `${field} has a value that is not a finite number at position ${i}`,
      );
    }
  }
}

/** Every p-value a number from 0 to 1. */
export function assertPValues(pValues: readonly number[], field = 'pValues'): void {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) {
      throw new StatisticsInputError(field, `${field} must be numbers from 0 to 1; position ${i} is ${p}`);
    }
  });
}
