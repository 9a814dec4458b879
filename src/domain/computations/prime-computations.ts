/**
 * The prime computations the use cases need beyond the store, every value an exact bigint in
 * [0, 2^64). Each may run for seconds, so each answers through a promise: an implementation
 * may run in this thread or in a worker thread. A computation that takes `shouldStop` polls it
 * and, once it turns true, rejects with an error whose `code` is 'DEADLINE_REACHED' and keeps
 * nothing half-done.
 */
export interface PrimeComputations {
  /** pi(x): how many primes are <= x. */
  primePi(x: bigint, shouldStop?: () => boolean): Promise<bigint>;
  /** The n-th prime, counting from 1 (nthPrime(1) = 2). */
  nthPrime(n: bigint, shouldStop?: () => boolean): Promise<bigint>;
  isPrimeU64(n: bigint): Promise<boolean>;
  /** How many primes p have from <= p <= to. */
  countPrimesInWindow(from: bigint, to: bigint, shouldStop?: () => boolean): Promise<bigint>;
  /** The first `limit` primes of [from, to], ascending. */
  primesInWindow(
    from: bigint,
    to: bigint,
    limit: number,
    shouldStop?: () => boolean,
  ): Promise<BigUint64Array>;
  /** The smallest prime > n, or undefined when none is below 2^64. */
  nextPrime(n: bigint): Promise<bigint | undefined>;
  /** The largest prime < n, or undefined when n <= 2. */
  previousPrime(n: bigint): Promise<bigint | undefined>;
}

/** The names of the computations, for adapters that carry calls across a boundary. */
export type PrimeComputationName = keyof PrimeComputations;

export const PRIME_COMPUTATION_NAMES: readonly PrimeComputationName[] = [
  'primePi',
  'nthPrime',
  'isPrimeU64',
  'countPrimesInWindow',
  'primesInWindow',
  'nextPrime',
  'previousPrime',
];

/** The largest value a computation accepts: 2^64 - 1. */
export const U64_MAX = (1n << 64n) - 1n;
