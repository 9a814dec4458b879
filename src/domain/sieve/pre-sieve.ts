/**
 * Pre-sieving: the multiples of a prime p repeat every p bytes of the wheel, so those of a
 * group of small primes repeat every (product of the group) bytes. A segment starts as a
 * copy of the first pattern, ANDed with the others, instead of crossing off the smallest
 * primes (which have by far the most multiples) one by one.
 *
 * Each pattern is one period plus one segment (plus SIMD slack) long, so the window of any
 * segment is one contiguous slice starting at (first byte of the segment) mod period.
 */
import { BIT_OF_RESIDUE, CLEAR_MASK, NEXT_RJ, RESIDUES, STEP_C, STEP_Q } from './wheel';

/** Groups of primes, by pattern: the first is large, the others small enough to copy per sieve. */
const GROUPS: readonly (readonly number[])[] = [
  [7, 11, 13, 17, 19],
  [23, 29],
  [31, 37],
  [41, 43],
  [47, 53],
  [59, 61],
  [67, 71],
  [73, 79],
  [83, 89],
  [97, 101],
];

/** The primes the patterns cross off, ascending; the sieve crosses off only larger ones. */
export const PRE_SIEVED_PRIMES: readonly number[] = GROUPS.flat();

/** Bytes a pattern runs past one period plus one segment, for reads 16 bytes wide. */
export const PATTERN_SLACK = 64;

export interface PreSievePattern {
  readonly period: number;
  /** period + segment length + PATTERN_SLACK bytes. */
  readonly bytes: Uint8Array;
}

let cached: readonly PreSievePattern[] = [];
let cachedSpan = 0;

/** The patterns for segments of at most `maxLength` bytes, the first one first. */
export function preSievePatterns(maxLength: number): readonly PreSievePattern[] {
  if (cachedSpan < maxLength) {
    cached = GROUPS.map((group) => buildPattern(group, maxLength));
    cachedSpan = maxLength;
  }
  return cached;
}

function buildPattern(primes: readonly number[], span: number): PreSievePattern {
  const period = primes.reduce((product, p) => product * p, 1);
  const bytes = new Uint8Array(period + span + PATTERN_SLACK).fill(0xff);
  for (const p of primes) {
    const q = Math.floor(p / 30);
    let rj = BIT_OF_RESIDUE[p % 30] * 8;
    // Starting at p * 1 also crosses off p itself; restorePreSievedPrimes puts it back.
    let i = q;
    while (i < bytes.length) {
      bytes[i] &= CLEAR_MASK[rj];
      i += q * STEP_Q[rj] + STEP_C[rj];
      rj = NEXT_RJ[rj];
    }
  }
  return { period, bytes };
}

/** The bytes that hold the pre-sieved primes themselves. */
const FIRST_BYTES = Math.floor(PRE_SIEVED_PRIMES[PRE_SIEVED_PRIMES.length - 1] / 30) + 1;

/**
 * Sets back the bits of the pre-sieved primes (the patterns cleared them as multiples of
 * themselves) and clears the number 1, in a segment starting at global byte `byteStart`.
 */
export function restorePreSievedPrimes(bytes: Uint8Array, byteStart: number, length: number) {
  if (byteStart >= FIRST_BYTES) return;
  for (const p of PRE_SIEVED_PRIMES) {
    const i = Math.floor(p / 30) - byteStart;
    if (i >= 0 && i < length) bytes[i] |= 1 << BIT_OF_RESIDUE[p % 30];
  }
  if (byteStart === 0) bytes[0] &= ~(1 << BIT_OF_RESIDUE[RESIDUES[0]]);
}
