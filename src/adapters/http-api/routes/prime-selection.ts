import { InvalidParameterError } from '../../../domain/errors/invalid-parameter-error';
import type { PrimeLimits } from '../../../domain/queries/prime-limits';
import { ValueRange } from '../../../domain/queries/value-range';
import { requireWholeNumber } from '../../../domain/queries/whole-number';

/**
 * Which primes GET /primes lists: the primes up to max (from the store), any window of 64-bit
 * values (from the store where it holds it, sieved beyond), or the first n.
 */
export type PrimeSelection =
  | { readonly range: ValueRange }
  | { readonly window: { readonly from: bigint; readonly to: bigint } }
  | { readonly count: number };

export interface SelectionParameters {
  readonly max?: number;
  readonly from?: bigint;
  readonly to?: bigint;
  readonly count?: number;
}

/** Exactly one way of choosing must be given: two would be ambiguous, none unbounded. */
export function selectPrimes(parameters: SelectionParameters, limits: PrimeLimits): PrimeSelection {
  const { max, from, to, count } = parameters;
  if (max !== undefined) {
    if (from !== undefined) throw conflict('from', 'max (max=N already means from=0 and to=N)');
    if (to !== undefined) throw conflict('to', 'max (max=N already means from=0 and to=N)');
    if (count !== undefined) throw conflict('count', 'max');
    // Checked here so that the error names max, not the to it stands for.
    requireWholeNumber('max', max, 0, limits.maxValue);
    return { range: ValueRange.of(0, max, limits) };
  }
  if (count !== undefined) {
    if (from !== undefined) throw conflict('from', 'count');
    if (to !== undefined) throw conflict('to', 'count');
    return { count };
  }
  if (to !== undefined) return { window: { from: from ?? 0n, to } };
  if (from !== undefined) throw new InvalidParameterError('to', 'is required with from');
  throw new InvalidParameterError('max', 'is required (or to, with an optional from, or count)');
}

function conflict(field: string, other: string): InvalidParameterError {
  return new InvalidParameterError(field, `cannot be combined with ${other}`);
}
