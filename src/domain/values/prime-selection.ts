import { InvalidParameterError } from '../errors/invalid-parameter-error';
import type { PrimeLimits } from './prime-limits';
import { ValueRange } from './value-range';
import { requireWholeNumber } from './whole-number';

/**
 * Which primes a listing holds: the primes up to max (from the store), any window of 64-bit
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

/** The way of choosing, before any limit is applied. */
export type PrimeChoice =
  | { readonly max: number }
  | { readonly window: { readonly from: bigint; readonly to: bigint } }
  | { readonly count: number };

/**
 * Exactly one way of choosing must be given: two would be ambiguous, none unbounded. Every
 * adapter that lists primes (HTTP, command line) applies this one rule.
 */
export function choosePrimes(parameters: SelectionParameters): PrimeChoice {
  const { max, from, to, count } = parameters;
  if (max !== undefined) {
    if (from !== undefined) throw conflict('from', 'max (max=N already means from=0 and to=N)');
    if (to !== undefined) throw conflict('to', 'max (max=N already means from=0 and to=N)');
    if (count !== undefined) throw conflict('count', 'max');
    return { max };
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

/** The choice with the limits applied: the primes up to max become a value range. */
export function selectPrimes(parameters: SelectionParameters, limits: PrimeLimits): PrimeSelection {
  const choice = choosePrimes(parameters);
  if (!('max' in choice)) return choice;
  // Checked here so that the error names max, not the to it stands for.
  requireWholeNumber('max', choice.max, 0, limits.maxValue);
  return { range: ValueRange.of(0, choice.max, limits) };
}

function conflict(field: string, other: string): InvalidParameterError {
  return new InvalidParameterError(field, `cannot be combined with ${other}`);
}
