import { nextPrime, previousPrime } from '../../src/domain/sieve/neighbour-primes';
import { isPrimeByMillerRabin, primesieveList } from '../support/reference-big-primes';

const TOP = 2n ** 64n - 1n;
const LARGEST_PRIME = 18_446_744_073_709_551_557n;

/** The reference: step one by one, asking Miller-Rabin (in the test, BigInt) at each value. */
function referenceNext(n: bigint): bigint | undefined {
  for (let m = n + 1n; m <= TOP; m++) if (isPrimeByMillerRabin(m)) return m;
  return undefined;
}

function referencePrevious(n: bigint): bigint | undefined {
  for (let m = n - 1n; m >= 2n; m--) if (isPrimeByMillerRabin(m)) return m;
  return undefined;
}

/** A test that counts its calls, so the pre-sieve is seen to spare most of them. */
function countingTest(): { isPrime: (m: bigint) => boolean; calls: () => number } {
  let calls = 0;
  return {
    isPrime: (m) => {
      calls++;
      return isPrimeByMillerRabin(m);
    },
    calls: () => calls,
  };
}

describe('nextPrime and previousPrime', () => {
  it('answer at 0, 1, 2 and 3, with no prime below 2', () => {
    expect([0n, 1n, 2n, 3n, 4n].map((n) => nextPrime(n, isPrimeByMillerRabin))).toEqual([
      2n,
      2n,
      3n,
      5n,
      5n,
    ]);
    expect([0n, 1n, 2n, 3n, 4n].map((n) => previousPrime(n, isPrimeByMillerRabin))).toEqual([
      undefined,
      undefined,
      undefined,
      2n,
      3n,
    ]);
  });

  it('answer at the top of 2^64, with no prime after 2^64 - 59', () => {
    expect(previousPrime(TOP, isPrimeByMillerRabin)).toBe(LARGEST_PRIME);
    expect(previousPrime(TOP, isPrimeByMillerRabin)).toBe(referencePrevious(TOP));
    expect(previousPrime(LARGEST_PRIME, isPrimeByMillerRabin)).toBe(
      referencePrevious(LARGEST_PRIME),
    );
    expect(nextPrime(LARGEST_PRIME - 1n, isPrimeByMillerRabin)).toBe(LARGEST_PRIME);
    for (const n of [LARGEST_PRIME, LARGEST_PRIME + 1n, TOP - 1n, TOP]) {
      expect([n, nextPrime(n, isPrimeByMillerRabin)]).toEqual([n, undefined]);
    }
  });

  it('agree with primesieve on every value of windows around 2^32 and 2^53', () => {
    for (const [from, to] of [
      [2n ** 32n - 2_000n, 2n ** 32n + 2_000n],
      [2n ** 53n - 1_000n, 2n ** 53n + 1_000n],
      [0n, 3_000n],
    ]) {
      const primes = primesieveList(from, to);
      for (let k = 0; k + 1 < primes.length; k++) {
        for (let n = primes[k]; n < primes[k + 1]; n += k % 4 === 0 ? 1n : 5n) {
          expect([n, nextPrime(n, isPrimeByMillerRabin)]).toEqual([n, primes[k + 1]]);
          const after = n + 1n;
          expect([after, previousPrime(after, isPrimeByMillerRabin)]).toEqual([after, primes[k]]);
        }
      }
    }
  });

  it('cross the largest gaps: 1,132 after 1,693,182,318,746,371 and 1,550 after 1.8e19', () => {
    for (const [p, gap] of [
      [1_693_182_318_746_371n, 1_132n],
      [18_361_375_334_787_046_697n, 1_550n],
    ]) {
      const test = countingTest();
      expect(nextPrime(p, test.isPrime)).toBe(referenceNext(p));
      expect(nextPrime(p, test.isPrime)).toBe(p + gap);
      // About one number in eight survives the pre-sieve by the primes below 2^10.
      expect(test.calls()).toBeLessThan(Number(gap) / 2);
      expect(previousPrime(p + gap, isPrimeByMillerRabin)).toBe(p);
      expect(previousPrime(p + gap - 500n, isPrimeByMillerRabin)).toBe(p);
    }
  });

  it('agree with the step-by-step reference at random values up to 2^64', () => {
    let state = 12_345n;
    for (let k = 0; k < 40; k++) {
      state = (state * 6_364_136_223_846_793_005n + 1_442_695_040_888_963_407n) % 2n ** 64n;
      const n = state >> BigInt(k % 40);
      expect([n, nextPrime(n, isPrimeByMillerRabin)]).toEqual([n, referenceNext(n)]);
      expect([n, previousPrime(n, isPrimeByMillerRabin)]).toEqual([n, referencePrevious(n)]);
    }
  });

  it('refuse values outside [0, 2^64 - 1]', () => {
    expect(() => nextPrime(-1n, isPrimeByMillerRabin)).toThrow(RangeError);
    expect(() => previousPrime(TOP + 1n, isPrimeByMillerRabin)).toThrow(RangeError);
  });
});
