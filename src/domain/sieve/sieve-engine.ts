/**
 * The sieving engine: one segment at a time, as explained at the top of segmented-sieve.ts.
 * The crossing off of small and medium primes, pre-sieving and counting run as WebAssembly
 * kernels (wasm-kernels.ts) over this engine's own memory; bucket sieving and listing run in
 * JavaScript over views of the same memory.
 */
import { BucketSieve } from './bucket-sieve';
import { extractPrimes } from './extract-primes';
import {
  PATTERN_SLACK,
  PRE_SIEVED_PRIMES,
  preSievePatterns,
  restorePreSievedPrimes,
} from './pre-sieve';
import { PrimeTier } from './prime-tier';
import { SEGMENT_BYTES } from './segment-size';
import { SEGMENT_AT, SieveWorkspace, align } from './sieve-workspace';
import type { SieveKernels } from './wasm-kernels';
import { BIT_OF_RESIDUE, CARRY, RESIDUES, ROUND_UP_DELTA, ROUND_UP_INDEX } from './wheel';

/**
 * a mod b for exact integers 0 <= a <= 2^53 and 1 <= b < 2^31. The `%` operator is exact
 * too, but on doubles beyond 32 bits it is a slow library call; a rounded division and
 * one correction is several times faster, and exact while q * b stays below 2^53.
 */
function exactRemainder(a: number, b: number): number {
  if (a + b > 2 ** 53) return a % b;
  const rem = a - floor(a / b) * b;
  if (rem < 0) return rem + b;
  return rem >= b ? rem - b : rem;
}

/** Sieving primes below these bounds go to the small and medium tiers. */
export const SMALL_PRIME_LIMIT = SEGMENT_BYTES * 2;
export const MEDIUM_PRIME_LIMIT = SEGMENT_BYTES * 8;

// Module-level copies: transpiled imports are property reads on every use, and
// addSievingPrime runs once per sieving prime (millions near 2^53).
const bitOfResidue = BIT_OF_RESIDUE;
const carry = CARRY;
const residues = RESIDUES;
const roundUpDelta = ROUND_UP_DELTA;
const roundUpIndex = ROUND_UP_INDEX;
// Likewise Math.floor, used once per sieving prime: the global Math is cheap to look up in
// Node, but slow in a vm context such as jest's.
const { floor } = Math;

const LARGEST_PRE_SIEVED = PRE_SIEVED_PRIMES[PRE_SIEVED_PRIMES.length - 1];
const SEGMENT_ROOM = SEGMENT_BYTES + PATTERN_SLACK;

export class SieveEngine {
  /** Global index of the current segment's first byte (it stands for 30 * byteStart + ...). */
  byteStart = 0;
  /** Bytes in the current segment. */
  length = 0;
  /** The current segment (a view of the engine's memory), zero-padded to 64-bit words. */
  private readonly bytes: Uint8Array;
  private readonly words: Uint32Array;

  private readonly lo: number;
  private readonly hi: number;
  private readonly firstByte: number;
  private readonly endByte: number;
  private nextByte: number;

  private readonly sievingPrimes: Uint32Array;
  private nextSievingPrime = 0;

  private workspace: SieveWorkspace | undefined;
  private readonly kernels: SieveKernels;
  private readonly firstPattern: Uint8Array;
  private readonly firstPeriod: number;
  private readonly patternAddresses: readonly number[];
  private readonly patternPeriods: readonly number[];

  private readonly small: PrimeTier;
  private readonly medium: PrimeTier;
  private readonly buckets: BucketSieve | undefined;

  /**
   * Sieves [lo, hi), 0 <= lo <= hi <= 2^53, given every prime <= sqrt(hi - 1) in ascending
   * order (more are ignored). The bits of 2, 3 and 5 do not exist: callers add them.
   */
  constructor(lo: number, hi: number, basePrimes: Uint32Array) {
    this.lo = lo;
    this.hi = hi;
    this.firstByte = (lo - (lo % 30)) / 30;
    this.endByte = hi <= lo ? this.firstByte : (hi - (hi % 30)) / 30 + (hi % 30 === 0 ? 0 : 1);
    this.nextByte = this.firstByte;

    let first = 0;
    while (first < basePrimes.length && basePrimes[first] <= LARGEST_PRE_SIEVED) first++;
    let end = first;
    while (end < basePrimes.length && basePrimes[end] * basePrimes[end] < hi) end++;
    this.sievingPrimes = basePrimes.subarray(first, end);
    const small = countBelow(this.sievingPrimes, SMALL_PRIME_LIMIT);
    const medium = countBelow(this.sievingPrimes, MEDIUM_PRIME_LIMIT) - small;

    const [firstPattern] = preSievePatterns(SEGMENT_BYTES);
    this.firstPattern = firstPattern.bytes;
    this.firstPeriod = firstPattern.period;
    const workspace = SieveWorkspace.acquire(align(9 * small) + align(9 * medium));
    this.workspace = workspace;
    this.kernels = workspace.kernels;
    this.patternAddresses = workspace.patternAddresses;
    this.patternPeriods = workspace.patternPeriods;
    const smallAt = workspace.stateAt;
    const mediumAt = smallAt + align(9 * small);
    const memory = workspace;
    this.bytes = new Uint8Array(memory.buffer, SEGMENT_AT, SEGMENT_ROOM);
    this.words = new Uint32Array(memory.buffer, SEGMENT_AT, SEGMENT_ROOM / 4);
    this.small = new PrimeTier(memory.buffer, smallAt, small);
    this.medium = new PrimeTier(memory.buffer, mediumAt, medium);

    if (small + medium < this.sievingPrimes.length) {
      const largest = this.sievingPrimes[this.sievingPrimes.length - 1];
      // A first multiple lies under 7p past a segment's start; later steps are shorter.
      this.buckets = new BucketSieve(SEGMENT_BYTES, Math.ceil((7 * largest) / 30) + SEGMENT_BYTES);
    }
  }

  /** Sieves the next segment; false once the range is done. */
  nextSegment(): boolean {
    const start = this.nextByte;
    if (start >= this.endByte || this.workspace === undefined) {
      this.close();
      return false;
    }
    const length = Math.min(SEGMENT_BYTES, this.endByte - start);
    const kernels = this.kernels;
    const bytes = this.bytes;

    const firstOffset = start % this.firstPeriod;
    bytes.set(this.firstPattern.subarray(firstOffset, firstOffset + length));
    const blocks = (length + 15) >>> 4;
    for (let k = 0; k < this.patternAddresses.length; k++) {
      const at = this.patternAddresses[k] + (start % this.patternPeriods[k]);
      kernels.andInto(SEGMENT_AT, at, blocks);
    }
    restorePreSievedPrimes(bytes, start, length);

    // Primes join when their square reaches into the segment.
    const endValue = 30 * (start + length);
    const primes = this.sievingPrimes;
    let k = this.nextSievingPrime;
    while (k < primes.length && primes[k] * primes[k] < endValue) this.addSievingPrime(primes[k++]);
    this.nextSievingPrime = k;

    const s = this.small;
    kernels.crossOffSmall(SEGMENT_AT, length, s.primesAt, s.offsetsAt, s.rjsAt, s.count);
    const m = this.medium;
    kernels.crossOffMedium(SEGMENT_AT, length, m.primesAt, m.offsetsAt, m.rjsAt, m.count);
    this.buckets?.crossOff(bytes, length);

    if (start === this.firstByte) this.clearBits(0, (value) => value < this.lo);
    if (start + length === this.endByte) this.clearBits(length - 1, (value) => value >= this.hi);
    bytes.fill(0, length, align(length));

    this.byteStart = start;
    this.length = length;
    this.nextByte = start + length;
    return true;
  }

  /** Gives the engine's memory back for reuse; the engine is done after this. */
  close(): void {
    this.workspace?.release();
    this.workspace = undefined;
    this.nextByte = this.endByte;
  }

  /** Number of primes (set bits) in the current segment. */
  countSegment(): number {
    return this.kernels.popcount(SEGMENT_AT, (this.length + 7) >>> 3);
  }

  /** Writes the current segment's primes into out from index `at`; returns the index after. */
  extractSegment(out: Float64Array, at: number): number {
    return extractPrimes(this.words, (this.length + 3) >>> 2, this.byteStart, out, at);
  }

  private addSievingPrime(p: number): void {
    const segmentValue = 30 * this.nextByte;
    let m = p;
    if (p * p < segmentValue) {
      const rem = exactRemainder(segmentValue, p);
      m = (segmentValue - rem) / p + (rem === 0 ? 0 : 1);
    }
    const mr = exactRemainder(m, 30);
    const j = roundUpIndex[mr];
    m += roundUpDelta[mr];
    // No multiple of p in the range: it never needs to sieve.
    if (p * m >= this.hi) return;
    const r = p % 30;
    const q = (p - r) / 30;
    const rj = bitOfResidue[r] * 8 + j;
    // byte of p*m = q*m + floor(r*m / 30), split so every product stays below 2^53.
    const k = (m - residues[j]) / 30;
    const offset = q * m + r * k + carry[rj] - this.nextByte;
    if (p < SMALL_PRIME_LIMIT) this.small.add(p, offset, rj);
    else if (p < MEDIUM_PRIME_LIMIT) this.medium.add(p, offset, rj);
    else this.buckets?.add(q, rj, offset);
  }

  /** Clears the bits of byte i (of the segment about to be returned) whose numbers match. */
  private clearBits(i: number, matches: (value: number) => boolean): void {
    const base = 30 * (this.nextByte + i);
    for (let b = 0; b < 8; b++) if (matches(base + RESIDUES[b])) this.bytes[i] &= ~(1 << b);
  }
}

function countBelow(sorted: Uint32Array, limit: number): number {
  let n = 0;
  while (n < sorted.length && sorted[n] < limit) n++;
  return n;
}
