import { InvalidParameterError } from '../errors/invalid-parameter-error';

/** Checks that `value` is a whole number in [min, max]; the error names the field and the rule. */
export function requireWholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidParameterError(field, `must be a whole number from ${min} to ${max}`);
  }
  if (value < min) throw new InvalidParameterError(field, `must be at least ${min}`);
  if (value > max) throw new InvalidParameterError(field, `must be at most ${max}`);
  return value;
}
