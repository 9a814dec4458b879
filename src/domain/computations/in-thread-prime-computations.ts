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
import type { PrimeComputations } from './prime-computations';

export const inThreadPrimeComputations: PrimeComputations = {
  primePi: async (x, shouldStop) => primePi(x, shouldStop),
  nthPrime: async (n, shouldStop) => nthPrime(n, shouldStop),
  isPrimeU64: async (n) => isPrimeU64(n),
  countPrimesInWindow: async (from, to, shouldStop) => countPrimesInWindow(from, to, shouldStop),
  primesInWindow: async (from, to, limit, shouldStop) =>
    primesInWindow(from, to, limit, shouldStop),
  nextPrime: async (n) => nextPrime(n, isPrimeU64),
  previousPrime: async (n) => previousPrime(n, isPrimeU64),
};
