/**
 * Bounds on the n-th prime p(n), 1-based (p(1) = 2), from Rosser (1941) and Dusart (1999,
 * 2010). Each formula holds from some n on; below that the first primes are tabled.
 * Results are integers rounded outward, so float rounding never tightens a bound.
 */
const FIRST_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];

/** An integer >= p(n), for n >= 1. */
export function nthPrimeUpperBound(n: number): number {
  assertPosition(n);
  if (n <= FIRST_PRIMES.length) return FIRST_PRIMES[n - 1];
  const ln = Math.log(n);
  const lnln = Math.log(ln);
  // Dusart 2010, Prop. 6.6: for n >= 688,383.
  if (n >= 688_383) return Math.ceil(n * (ln + lnln - 1 + (lnln - 2) / ln)) + 1;
  // Dusart 1999: for n >= 39,017.
  if (n >= 39_017) return Math.ceil(n * (ln + lnln - 0.9484)) + 1;
  // Rosser 1941: for n >= 6.
  return Math.ceil(n * (ln + lnln)) + 1;
}

/** An integer <= p(n), for n >= 1. */
export function nthPrimeLowerBound(n: number): number {
  assertPosition(n);
  if (n <= FIRST_PRIMES.length) return FIRST_PRIMES[n - 1];
  const ln = Math.log(n);
  const lnln = Math.log(ln);
  // Dusart 2010, Prop. 6.7: for n >= 3.
  return Math.max(2, Math.floor(n * (ln + lnln - 1 + (lnln - 2.1) / ln)) - 1);
}

function assertPosition(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`prime position ${n} must be an integer >= 1`);
  }
}
