import { isPrimeByMillerRabin } from '../../src/domain/primality/miller-rabin';
import {
  isPrimeByTrialDivision,
  referencePrimesBelow,
  referencePrimesInRange,
} from '../support/reference-primes';

function expectAgreementOn(lo: number, hi: number, primes: number[]): void {
  const prime = new Set(primes);
  const disagreements: number[] = [];
  for (let n = lo; n < hi; n++) if (isPrimeByMillerRabin(n) !== prime.has(n)) disagreements.push(n);
  expect(disagreements).toEqual([]);
}

describe('isPrimeByMillerRabin', () => {
  it('agrees with a plain sieve on every n below 1,000,000', () => {
    expectAgreementOn(0, 1_000_000, referencePrimesBelow(1_000_000));
  });

  it.each([
    ['the switch to BigInt', 94_906_265 - 3000, 94_906_265 + 3000],
    ['2^32', 2 ** 32 - 3000, 2 ** 32 + 3000],
    ['1e12', 1e12 - 2000, 1e12 + 2000],
    ['1e15', 1e15, 1e15 + 3000],
    ['2^53', 2 ** 53 - 3000, 2 ** 53 - 1],
  ])('agrees with a window sieve around %s', (_, lo, hi) => {
    expectAgreementOn(lo, hi, referencePrimesInRange(lo, hi));
  });

  it('rejects the strong pseudoprimes that fool smaller base sets', () => {
    const pseudoprimes = [
      2047, 1_373_653, 25_326_001, 3_215_031_751, 2_152_302_898_747, 3_474_749_660_383,
      341_550_071_728_321,
      // Carmichael numbers.
      561, 1105, 1729, 2465, 2821, 6601, 8911, 41_041, 825_265, 321_197_185,
    ];
    for (const n of pseudoprimes) expect([n, isPrimeByMillerRabin(n)]).toEqual([n, false]);
  });

  it('tells products of two large primes from primes, up to 2^53', () => {
    // 94,906,249 and 94,906,247 are primes just below sqrt(2^53).
    expect(isPrimeByTrialDivision(94_906_249)).toBe(true);
    expect(isPrimeByMillerRabin(94_906_249)).toBe(true);
    expect(isPrimeByTrialDivision(94_906_247)).toBe(true);
    expect(isPrimeByMillerRabin(94_906_249 * 94_906_247)).toBe(false);
    expect(isPrimeByMillerRabin(94_906_249 * 94_906_249)).toBe(false);
    expect(isPrimeByMillerRabin(2 ** 53 - 111)).toBe(true);
    expect(isPrimeByMillerRabin(2 ** 53 - 1)).toBe(false);
    expect(isPrimeByMillerRabin(4_294_967_291)).toBe(true);
    expect(isPrimeByMillerRabin(4_294_967_297)).toBe(false); // 641 * 6,700,417
  });

  it('rejects values outside [0, 2^53) and non-integers', () => {
    for (const n of [-1, 0.5, 2 ** 53, Number.NaN, Infinity]) {
      expect(() => isPrimeByMillerRabin(n)).toThrow(RangeError);
    }
  });
});
