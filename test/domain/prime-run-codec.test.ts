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

  it('takes gaps right up to the largest it holds, in one byte and in varints', () => {
    // Halved gaps of 127 and 128 sit on either side of the one-byte form; 2^21 - 1 is the last.
    for (const gap of [2, 254, 256, 2 ** 15, 2 ** 22 - 2]) {
      const run = Float64Array.of(3, 3 + gap, 3 + 2 * gap);
      expect(roundTrip(run)).toEqual(run);
    }
    expect(encodePrimeRun(Float64Array.of(3, 259))).toEqual(Uint8Array.of(3, 0x80, 0x01));
  });

  it.each([
    ['encodePrimeRun', encodePrimeRun],
    ['checkPrimeRun', checkPrimeRun],
  ])('%s refuses a gap of 2^22, the first it cannot hold, naming both primes', (_, take) => {
    expect(() => take(Float64Array.of(3, 3 + 2 ** 22))).toThrow(
      new MalformedPrimeRunError(`${3 + 2 ** 22} cannot follow 3`),
    );
  });

  it('names what is wrong with bytes it refuses', () => {
    const failure = (bytes: Uint8Array, count: number): unknown => {
      try {
        decodePrimeRun(bytes, count);
      } catch (error) {
        return error;
      }
      throw new Error('decoded');
    };
    const shortRun = failure(Uint8Array.of(3, 1), 3);
    expect(shortRun).toBeInstanceOf(MalformedPrimeRunError);
    expect(shortRun).toMatchObject({
      name: 'MalformedPrimeRunError',
      code: 'MALFORMED_PRIME_RUN',
      message: 'malformed prime run: ends after 2 of 3 primes',
    });
    expect(failure(Uint8Array.of(0x83), 1)).toMatchObject({
      message: 'malformed prime run: ends after 0 of 1 primes',
    });
    expect(failure(Uint8Array.of(3, 1, 1, 1), 2)).toMatchObject({
      message: 'malformed prime run: 2 bytes left after 2 primes',
    });
    expect(failure(Uint8Array.of(5), 0)).toMatchObject({
      message: 'malformed prime run: 1 bytes left after 0 primes',
    });
    expect(failure(Uint8Array.of(7, 0), 2)).toMatchObject({
      message: 'malformed prime run: a zero gap after 7',
    });
    expect(decodePrimeRun(new Uint8Array(0), 0)).toEqual(new Float64Array(0));
  });

  it('reads a first prime of several bytes, not as a one-byte gap', () => {
    // 131 is written 0x83 0x01: its first byte alone would read as a halved gap of 3.
    expect(decodePrimeRun(Uint8Array.of(0x83, 0x01, 1), 2)).toEqual(Float64Array.of(131, 133));
    expect(decodePrimeRun(Uint8Array.of(0x83, 0x01, 0x80, 0x01), 2)).toEqual(
      Float64Array.of(131, 387),
    );
  });

  it('refuses bytes that decode past 2^53', () => {
    const beyond = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
    expect(() => decodePrimeRun(beyond, 1)).toThrow(
      new MalformedPrimeRunError('a prime beyond 2^53'),
    );
  });
});
