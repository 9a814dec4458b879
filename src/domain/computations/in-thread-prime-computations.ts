/**
 * The prime computations of this repository, run in the calling thread: the combinatorial
 * prime count and the n-th prime built on it, the 64-bit Montgomery Miller-Rabin, and the
 * window sieve up to 2^64 - 1. Each is synchronous; the promises only give them the shape a
 * worker thread can carry too.
 */
import { nthPrime } from '../prime-count/nth-prime';
import { primePi } from '../prime-count/prime-pi';
import { isPrimeU64 } from '../primality/miller-rabin-64';
import { nextPrime, previousPrime } from '../sieve/neighbour-primes';
import { countPrimesInWindow, primesInWindow } from '../sieve/prime-window';
import { deadlinePoll, type ShouldStop } from '../errors/deadline-reached-error';
import type { PrimeComputations } from './prime-computations';

/**
 * A sieve of [from, to] first places every prime below sqrt(to), about 25 ns each: near 2^64
 * that is 203 million primes and seconds of work before the first prime is found. A page of a
 * few thousand primes is then found sooner by testing the survivors of a short pre-sieve one
 * by one (about 8 % of the numbers, some microseconds each), as nextPrime does.
 */
const PLACED_PRIME_NS = 25;
const TESTED_NUMBER_NS = 1_000;

function primesByTesting(from: bigint, to: bigint, limit: number): boolean {
  const top = Number(to);
  const root = Math.sqrt(top);
  const placingNs = (root / Math.log(root)) * PLACED_PRIME_NS;
  const numbers = Math.min(Number(to - from) + 1, limit * Math.log(top));
  return top > 2 ** 40 && numbers * TESTED_NUMBER_NS < placingNs;
}

function testedPrimesInWindow(
  from: bigint,
  to: bigint,
  limit: number,
  shouldStop: ShouldStop | undefined,
): BigUint64Array {
  const poll = deadlinePoll(shouldStop, 'the primes of the window');
  const found: bigint[] = [];
  // The smallest prime >= from: after from - 1, or 2 itself for a window from 0.
  let prime = from === 0n ? 2n : nextPrime(from - 1n, isPrimeU64);
  while (prime !== undefined && prime <= to && found.length < limit) {
    found.push(prime);
    if (found.length % 64 === 0) poll();
    prime = nextPrime(prime, isPrimeU64);
  }
  return BigUint64Array.from(found);
}

export const inThreadPrimeComputations: PrimeComputations = {
  primePi: async (x, shouldStop) => primePi(x, shouldStop),
  nthPrime: async (n, shouldStop) => nthPrime(n, shouldStop),
  isPrimeU64: async (n) => isPrimeU64(n),
  countPrimesInWindow: async (from, to, shouldStop) => countPrimesInWindow(from, to, shouldStop),
  primesInWindow: async (from, to, limit, shouldStop) =>
    primesByTesting(from, to, limit)
      ? testedPrimesInWindow(from, to, limit, shouldStop)
      : primesInWindow(from, to, limit, shouldStop),
  nextPrime: async (n) => nextPrime(n, isPrimeU64),
  previousPrime: async (n) => previousPrime(n, isPrimeU64),
};
