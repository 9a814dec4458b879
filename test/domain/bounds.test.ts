import { estimatePrimeCount } from '../../src/domain/bounds/estimate-prime-count';
import { nthPrimeLowerBound, nthPrimeUpperBound } from '../../src/domain/bounds/nth-prime-bounds';
import {
  primeCountLowerBound,
  primeCountUpperBound,
} from '../../src/domain/bounds/prime-count-bounds';
import { referencePrimeCounts, referencePrimesBelow } from '../support/reference-primes';

// Past the last small-n threshold of the nth-prime bounds (n = 688,383, p(n) ~ 1.04e7).
const NTH_LIMIT = 11_000_000;
const LIMIT = 2_000_000;
const primes = referencePrimesBelow(NTH_LIMIT);
const pi = referencePrimeCounts(NTH_LIMIT);

// Published values: p(n) and pi(x) (OEIS A006988, A006880, A007053).
const NTH_PRIMES: readonly [number, number][] = [
  [10_000, 104_729],
  [1_000_000, 15_485_863],
  [10_000_000, 179_424_673],
  [100_000_000, 2_038_074_743],
  [1_000_000_000, 22_801_763_489],
  [10_000_000_000, 252_097_800_623],
  [1_000_000_000_000, 29_996_224_275_833],
];
const PRIME_COUNTS: readonly [number, number][] = [
  [1e6, 78_498],
  [1e8, 5_761_455],
  [1e9, 50_847_534],
  [1e10, 455_052_511],
  [1e11, 4_118_054_813],
  [1e12, 37_607_912_018],
  [1e13, 346_065_536_839],
  [1e15, 29_844_570_422_669],
  [2 ** 53, 252_252_704_148_404],
];

describe('nth prime bounds', () => {
  it('bracket every p(n) for n up to the reference sieve', () => {
    const misses: number[] = [];
    for (let n = 1; n <= primes.length; n++) {
      const p = primes[n - 1];
      if (nthPrimeLowerBound(n) > p || nthPrimeUpperBound(n) < p) misses.push(n);
    }
    expect(misses).toEqual([]);
  });

  it.each(NTH_PRIMES)('bracket p(%d) = %d', (n, p) => {
    expect(nthPrimeLowerBound(n)).toBeLessThanOrEqual(p);
    expect(nthPrimeUpperBound(n)).toBeGreaterThanOrEqual(p);
    // Tight enough to size work: within 1% from n = 1e6 on.
    expect(nthPrimeUpperBound(n) / p).toBeLessThan(n >= 1e6 ? 1.01 : 1.1);
  });

  it('are exact for the first primes and reject positions below 1', () => {
    expect([1, 2, 3, 4, 5, 6].map(nthPrimeUpperBound)).toEqual([2, 3, 5, 7, 11, 13]);
    expect([1, 2, 3, 4, 5, 6].map(nthPrimeLowerBound)).toEqual([2, 3, 5, 7, 11, 13]);
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => nthPrimeUpperBound(n)).toThrow(RangeError);
      expect(() => nthPrimeLowerBound(n)).toThrow(RangeError);
    }
  });
});

describe('prime count bounds', () => {
  it('bracket pi(x) for every integer x up to 2e6 (and x + 0.5), then sampled to 1.1e7', () => {
    const misses: number[] = [];
    for (let x = 0; x < LIMIT; x++) {
      const count = pi[x];
      if (primeCountLowerBound(x) > count || primeCountUpperBound(x) < count) misses.push(x);
      if (x % 997 === 0 && primeCountUpperBound(x + 0.5) < count) misses.push(x + 0.5);
    }
    for (let x = LIMIT; x < NTH_LIMIT; x += 101) {
      if (primeCountLowerBound(x) > pi[x] || primeCountUpperBound(x) < pi[x]) misses.push(x);
    }
    expect(misses).toEqual([]);
  });

  it.each(PRIME_COUNTS)('bracket pi(%d) = %d', (x, count) => {
    expect(primeCountLowerBound(x)).toBeLessThanOrEqual(count);
    expect(primeCountUpperBound(x)).toBeGreaterThanOrEqual(count);
  });

  it('reject negative and non-finite x', () => {
    for (const x of [-1, Number.NaN, Infinity]) {
      expect(() => primeCountUpperBound(x)).toThrow(RangeError);
      expect(() => primeCountLowerBound(x)).toThrow(RangeError);
    }
  });
});

describe('estimatePrimeCount', () => {
  it('stays within sqrt(x) of pi(x) below the reference limit', () => {
    const misses: number[] = [];
    for (let x = 2; x < NTH_LIMIT; x += x < 10_000 ? 1 : 1_013) {
      if (Math.abs(estimatePrimeCount(x) - pi[x]) > Math.max(2, Math.sqrt(x))) misses.push(x);
    }
    expect(misses).toEqual([]);
  });

  it.each(PRIME_COUNTS)('is close to pi(%d) = %d', (x, count) => {
    expect(Math.abs(estimatePrimeCount(x) - count)).toBeLessThan(Math.sqrt(x) / 10);
  });

  it('is 0 below 2 and rejects negative x', () => {
    expect(estimatePrimeCount(0)).toBe(0);
    expect(estimatePrimeCount(1.9)).toBe(0);
    expect(() => estimatePrimeCount(-1)).toThrow(RangeError);
  });
});
