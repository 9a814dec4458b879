import {
  checkPrimeRun,
  decodePrimeRun,
  encodePrimeRun,
} from '../../src/domain/codec/prime-run-codec';
import { MalformedPrimeRunError } from '../../src/domain/codec/malformed-prime-run-error';
import { firstPrimes, primesFrom } from '../support/reference-primes';

const roundTrip = (primes: Float64Array) => decodePrimeRun(encodePrimeRun(primes), primes.length);

describe('the prime run codec', () => {
  const first = firstPrimes(20_000);

  it('round-trips runs that start anywhere, including at 2 and 3', () => {
    for (const [start, end] of [
      [0, 1],
      [0, 2],
      [1, 2],
      [0, 20_000],
      [1, 5],
      [777, 13_001],
      [19_999, 20_000],
    ]) {
      expect(roundTrip(first.slice(start, end))).toEqual(first.slice(start, end));
    }
    expect(roundTrip(new Float64Array(0))).toEqual(new Float64Array(0));
  });

  it('round-trips primes beyond 2^32 and next to 2^53', () => {
    const beyond32 = primesFrom(2 ** 32 - 100, 30);
    expect(roundTrip(beyond32)).toEqual(beyond32);
    const largest = Float64Array.of(2 ** 53 - 111);
    expect(roundTrip(largest)).toEqual(largest);
  });

  it('spends about one byte per prime', () => {
    const bytes = encodePrimeRun(first);
    expect(bytes.length).toBeLessThan(first.length + 8);
    const near1e12 = primesFrom(1e12, 2_000);
    expect(encodePrimeRun(near1e12).length).toBeLessThan(2_000 * 1.05 + 8);
  });

  it.each([
    ['encodePrimeRun', encodePrimeRun],
    ['checkPrimeRun', checkPrimeRun],
  ])('%s refuses runs that are not consecutive odd primes, and takes real ones', (_, take) => {
    for (const run of [
      [5, 3],
      [5, 5],
      [5, 8],
      [3, 3 + 2 ** 23],
      [3, 5, 7, 6],
    ]) {
      expect(() => take(Float64Array.from(run))).toThrow(MalformedPrimeRunError);
    }
    // The one odd gap is 2 -> 3: 2 -> 5 skips a prime, and 4 -> 5 follows no prime.
    expect(() => take(Float64Array.of(2, 5))).toThrow(MalformedPrimeRunError);
    expect(() => take(Float64Array.of(4, 5))).toThrow(MalformedPrimeRunError);
    expect(() => take(first)).not.toThrow();
    expect(() => take(primesFrom(2 ** 32 - 100, 30))).not.toThrow();
  });

  it('detects bytes that do not hold the count of primes they claim', () => {
    const bytes = encodePrimeRun(first.slice(0, 100));
    expect(() => decodePrimeRun(bytes, 101)).toThrow(MalformedPrimeRunError);
    expect(() => decodePrimeRun(bytes, 99)).toThrow(MalformedPrimeRunError);
    expect(() => decodePrimeRun(Uint8Array.of(0x80), 1)).toThrow(MalformedPrimeRunError);
    expect(() => decodePrimeRun(Uint8Array.of(7, 0), 2)).toThrow(MalformedPrimeRunError);
  });
});
