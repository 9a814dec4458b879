import { InvalidParameterError } from '../errors/invalid-parameter-error';

/**
 * Checks that `value` lies in [min, max] before any work is done for it; the error names the
 * field and the bound. The bigint twin of requireWholeNumber, for values up to 2^64 - 1.
 */
export function requireWholeBigInt(field: string, value: bigint, min: bigint, max: bigint): bigint {
  if (value < min) throw new InvalidParameterError(field, `must be at least ${min}`);
  if (value > max) throw new InvalidParameterError(field, `must be at most ${max}`);
  return value;
}
