import { isPrimeU64 } from '../../src/domain/primality/miller-rabin-64';
import { isPrimeByMillerRabin } from '../support/reference-big-primes';
import { referencePrimesBelow } from '../support/reference-primes';

const U64_MAX = (1n << 64n) - 1n;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('isPrimeU64', () => {
  it('agrees with a plain sieve on every n below 300,000', () => {
    const primes = new Set(referencePrimesBelow(300_000));
    const wrong: number[] = [];
    for (let n = 0; n < 300_000; n++) if (isPrimeU64(BigInt(n)) !== primes.has(n)) wrong.push(n);
    expect(wrong).toEqual([]);
  });

  it('rejects strong pseudoprimes to many bases', () => {
    const pseudoprimes = [
      2047n, // base 2
      1_373_653n, // bases 2, 3
      25_326_001n, // 2, 3, 5
      3_215_031_751n, // 2, 3, 5, 7
      2_152_302_898_747n, // 2..11
      3_474_749_660_383n, // 2..13
      341_550_071_728_321n, // 2..17
      3_825_123_056_546_413_051n, // 2..23
      // 2^64 - 1 = 3 * 5 * 17 * 257 * 641 * 65537 * 6700417, and Fermat's F5 = 2^32 + 1.
      18_446_744_073_709_551_615n,
      4_294_967_297n,
    ];
    for (const n of pseudoprimes) expect([n, isPrimeU64(n)]).toEqual([n, false]);
  });

  it('rejects Carmichael numbers, Chernick ones (6k+1)(12k+1)(18k+1) up to 2^64 among them', () => {
    const carmichaels = [561n, 1105n, 1729n, 2465n, 2821n, 6601n, 8911n, 41041n, 825265n];
    for (let k = 1n; (6n * k + 1n) * (12n * k + 1n) * (18n * k + 1n) <= U64_MAX; k++) {
      const factors = [6n * k + 1n, 12n * k + 1n, 18n * k + 1n];
      if (factors.every(isPrimeByMillerRabin))
        carmichaels.push(factors[0] * factors[1] * factors[2]);
    }
    expect(carmichaels.length).toBeGreaterThan(100);
    const called = carmichaels.filter((n) => isPrimeU64(n));
    expect(called).toEqual([]);
  });

  it('finds the largest prime below 2^64 and agrees on the last 2,000 numbers', () => {
    expect(isPrimeU64(18_446_744_073_709_551_557n)).toBe(true);
    const wrong: bigint[] = [];
    for (let n = U64_MAX - 2000n; n <= U64_MAX; n++) {
      if (isPrimeU64(n) !== isPrimeByMillerRabin(n)) wrong.push(n);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with a BigInt Miller-Rabin on 20,000 random 64-bit n and products of two primes', () => {
    const random = seededRandom(64);
    const word = () => BigInt(Math.floor(random() * 2 ** 32));
    const wrong: bigint[] = [];
    for (let i = 0; i < 20_000; i++) {
      const n = (word() << 32n) | word() | 1n;
      if (isPrimeU64(n) !== isPrimeByMillerRabin(n)) wrong.push(n);
    }
    // Semiprimes of two primes near 2^32: no small factor for trial division to find.
    for (const [p, q] of [
      [4_294_967_291n, 4_294_967_279n],
      [4_294_967_291n, 4_294_967_291n],
      [3_037_000_493n, 3_037_000_453n],
    ]) {
      if (isPrimeU64(p * q)) wrong.push(p * q);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses n outside [0, 2^64 - 1]', () => {
    expect(() => isPrimeU64(-1n)).toThrow(RangeError);
    expect(() => isPrimeU64(1n << 64n)).toThrow(RangeError);
  });
});
