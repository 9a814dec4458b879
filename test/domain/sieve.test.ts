import { SEGMENT_SPAN } from '../../src/domain/sieve/segment-size';
import { countSievedPrimes, primeSegments } from '../../src/domain/sieve/segmented-sieve';
import {
  isPrimeByTrialDivision,
  referencePrimesBelow,
  referencePrimesInRange,
} from '../support/reference-primes';

const REFERENCE_LIMIT = 3 * SEGMENT_SPAN + 1000;
const reference = referencePrimesBelow(REFERENCE_LIMIT);

function listPrimes(lo: number, hi: number): number[] {
  const primes: number[] = [];
  for (const segment of primeSegments(lo, hi)) for (const p of segment) primes.push(p);
  return primes;
}

function referenceBetween(lo: number, hi: number): number[] {
  return reference.slice(firstAtLeast(lo), firstAtLeast(hi));
}

function firstAtLeast(value: number): number {
  let low = 0;
  let high = reference.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (reference[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Compares long lists without a slow deep diff: the length, then the first difference. */
function expectSamePrimes(lo: number, hi: number, actual: number[], expected: number[]): void {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  expect([lo, hi, actual.length, actual[i]]).toEqual([lo, hi, expected.length, expected[i]]);
}

/** A deterministic generator, so a failing range can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('primeSegments and countSievedPrimes', () => {
  it('agree with the reference on every range within [0, 120]', () => {
    for (let lo = 0; lo <= 120; lo += 1) {
      for (let hi = lo; hi <= 120; hi += lo < 40 ? 1 : 7) {
        const expected = referenceBetween(lo, hi);
        expect([lo, hi, listPrimes(lo, hi)]).toEqual([lo, hi, expected]);
        expect([lo, hi, countSievedPrimes(lo, hi)]).toEqual([lo, hi, expected.length]);
      }
    }
  });

  it('agree with the reference on random ranges below three segments', () => {
    const random = randomSource(42);
    for (let k = 0; k < 150; k++) {
      const a = Math.floor(random() * REFERENCE_LIMIT);
      const b = Math.floor(random() * REFERENCE_LIMIT);
      const [lo, hi] =
        k % 3 === 0 ? [Math.min(a, b), Math.max(a, b)] : [a, Math.min(a + 5000, REFERENCE_LIMIT)];
      const expected = referenceBetween(lo, hi);
      expect([lo, hi, countSievedPrimes(lo, hi)]).toEqual([lo, hi, expected.length]);
      if (k % 5 === 0) expectSamePrimes(lo, hi, listPrimes(lo, hi), expected);
    }
  });

  it('agree with the reference at every segment boundary and its neighbours', () => {
    for (let k = 1; k <= 3; k++) {
      for (const delta of [-31, -30, -29, -2, -1, 0, 1, 2, 29, 30, 31]) {
        const edge = k * SEGMENT_SPAN + delta;
        expect([edge, countSievedPrimes(0, edge)]).toEqual([edge, firstAtLeast(edge)]);
        for (const [lo, hi] of [
          [edge, edge + 200],
          [edge - 200, edge],
          [edge - 1, edge + 1],
        ]) {
          expectSamePrimes(lo, hi, listPrimes(lo, hi), referenceBetween(lo, hi));
        }
      }
    }
  });

  it('count up to squares of primes and their neighbours', () => {
    const squares = reference.filter((p) => p < 1500).map((p) => p * p);
    for (const square of squares) {
      for (const hi of [square - 1, square, square + 1, square + 2]) {
        expect([hi, countSievedPrimes(0, hi)]).toEqual([hi, referenceBetween(0, hi).length]);
      }
      expect(listPrimes(square - 2, square + 3)).toEqual(referenceBetween(square - 2, square + 3));
    }
  });

  it('yield fresh arrays, ascending, and stop early when the consumer returns', () => {
    const segments = [...primeSegments(0, 3 * SEGMENT_SPAN)];
    expect(segments.length).toBeGreaterThan(1);
    expect(new Set(segments.map((s) => s.buffer)).size).toBe(segments.length);
    const all = segments.flatMap((s) => [...s]);
    expectSamePrimes(0, 3 * SEGMENT_SPAN, all, referenceBetween(0, 3 * SEGMENT_SPAN));

    const generator = primeSegments(0, 2 ** 53);
    const first = generator.next();
    expect(first.done).toBe(false);
    expect(first.value && [...first.value.subarray(0, 5)]).toEqual([2, 3, 5, 7, 11]);
    expect(generator.return()).toEqual({ done: true, value: undefined });
    expect(generator.next().done).toBe(true);

    let taken = 0;
    for (const segment of primeSegments(1e9, 1e12)) {
      taken += segment.length;
      if (taken > 100_000) break;
    }
    expect(taken).toBeGreaterThan(100_000);
  });

  it('cross 2^32 exactly', () => {
    const lo = 2 ** 32 - SEGMENT_SPAN / 2 - 7;
    const hi = 2 ** 32 + SEGMENT_SPAN / 3;
    const expected = referencePrimesInRange(lo, hi);
    expectSamePrimes(lo, hi, listPrimes(lo, hi), expected);
    expect(countSievedPrimes(lo, hi)).toBe(expected.length);
    // 4294967291 is the largest prime below 2^32, 4294967311 the smallest above.
    expect(listPrimes(2 ** 32 - 5, 2 ** 32 + 16)).toEqual([4294967291, 4294967311]);
  });

  it.each([
    ['1e12', 1e12, 3 * SEGMENT_SPAN + 17],
    ['1e15', 1e15 - 1234, SEGMENT_SPAN + 5000],
    ['2^53', 2 ** 53 - 30_000, 30_000],
  ])('agree with the reference over several segments near %s', (_, lo, width) => {
    const expected = referencePrimesInRange(lo, lo + width);
    const primes = listPrimes(lo, lo + width);
    expectSamePrimes(lo, lo + width, primes, expected);
    expect(countSievedPrimes(lo, lo + width)).toBe(expected.length);
    // Spot checks against trial division, which shares nothing with either sieve.
    for (const p of primes.slice(0, 3)) expect(isPrimeByTrialDivision(p)).toBe(true);
  });

  it('reach exactly to 2^53', () => {
    // 2^53 - 111 is the largest prime below 2^53.
    expect(listPrimes(2 ** 53 - 200, 2 ** 53)).toEqual(
      referencePrimesInRange(2 ** 53 - 200, 2 ** 53),
    );
    expect(listPrimes(2 ** 53 - 110, 2 ** 53)).toEqual([]);
    expect(listPrimes(2 ** 53 - 111, 2 ** 53 - 110)).toEqual([2 ** 53 - 111]);
    expect(countSievedPrimes(2 ** 53, 2 ** 53)).toBe(0);
  });

  it('match known values', () => {
    expect(countSievedPrimes(0, 1e6)).toBe(78_498);
    expect(countSievedPrimes(0, 1e8)).toBe(5_761_455);
    expect(countSievedPrimes(0, 104_730)).toBe(10_000);
    expect(countSievedPrimes(104_729, 104_730)).toBe(1);
    const millionth = nthPrime(1_000_000);
    expect(millionth).toBe(15_485_863);
    expect(nthPrime(10_000)).toBe(104_729);
  });

  it('reject bounds outside [0, 2^53] and non-integers', () => {
    for (const [lo, hi] of [
      [-1, 10],
      [0, 2 ** 53 + 2],
      [0.5, 10],
      [0, Number.NaN],
    ]) {
      expect(() => countSievedPrimes(lo, hi)).toThrow(RangeError);
      expect(() => primeSegments(lo, hi).next()).toThrow(RangeError);
    }
    expect(countSievedPrimes(10, 5)).toBe(0);
    expect(listPrimes(10, 5)).toEqual([]);
  });
});

function nthPrime(n: number): number {
  let seen = 0;
  for (const segment of primeSegments(0, 2 ** 53)) {
    if (seen + segment.length >= n) return segment[n - seen - 1];
    seen += segment.length;
  }
  throw new Error('unreachable');
}
