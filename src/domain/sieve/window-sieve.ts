/**
 * The window sieve: the segmented sieve of segmented-sieve.ts (same wheel, segments,
 * pre-sieve patterns and WebAssembly kernels) for a bounded window [from, to] anywhere from
 * 2^32 up to 2^64 - 1, where values no longer fit a double.
 *
 * What changes against sieve-engine.ts:
 *
 * 1. Relative positions. Every byte index is counted from the window's first byte
 *    W0 = floor(from / 30), so offsets stay below the window's length plus one step (under
 *    2^31) at any magnitude. The pre-sieve patterns start at W0 mod period, found once with
 *    BigInt; values are rebuilt only when primes are listed (base + offset, in 32-bit halves).
 *
 * 2. First multiples without overflow. For a small or medium sieving prime p < 2^19 the
 *    sieve needs from mod 30p: Horner's rule over from's top 32 bits and two 16-bit digits,
 *    each step below 2^53, so doubles are exact. from - (from mod 30p) is p times a multiple
 *    of 30, so the first multiple p * m >= from with m coprime to 30 follows from
 *    k = ceil((from mod 30p) / p) <= 30, rounded up on the wheel, and its byte from W0 is
 *    q * k + r * floor(k / 30) + carry - floor((from mod 30p) / 30) for p = 30q + r. These
 *    are at most 43,000 primes; the large ones take one unsigned 64-bit division each in
 *    WebAssembly (window-kernels.ts).
 *
 * 3. All sieving primes at once, streamed. Because from >= 2^32 > sqrt(to), every prime up
 *    to sqrt(to) may hit the first segment, so all of them are placed before it is sieved.
 *    They come from an inner SieveEngine over [2^19, sqrt(to)] one segment at a time (up to
 *    203 million primes below 2^32 are never held together): each is placed in its tier or,
 *    if large, in the window's buckets (window-buckets.ts, in a WebAssembly memory of their
 *    own), or dropped if it misses the window. The caller's deadline is polled after every
 *    inner segment.
 */
import { basePrimesUpTo } from './base-primes';
import { integerSqrt } from './integer-sqrt';
import { PATTERN_SLACK, PRE_SIEVED_PRIMES, preSievePatterns } from './pre-sieve';
import { PrimeTier } from './prime-tier';
import { SEGMENT_BYTES } from './segment-size';
import { MEDIUM_PRIME_LIMIT, SMALL_PRIME_LIMIT, SieveEngine } from './sieve-engine';
import { SEGMENT_AT, SieveWorkspace, align } from './sieve-workspace';
import type { SieveKernels } from './wasm-kernels';
import { WindowBuckets } from './window-buckets';
import {
  BIT_OF_RESIDUE,
  CARRY,
  RESIDUES,
  ROUND_UP_DELTA,
  ROUND_UP_INDEX,
  WORD_BIT_VALUE,
} from './wheel';

/** The window sieve needs from >= this: no sieving prime lies inside the window then. */
export const WINDOW_SIEVE_FLOOR = 2n ** 32n;
/** Bytes of the widest window one WindowSieve takes: 2^25 bytes, 1,006,632,960 numbers. */
export const MAX_WINDOW_BYTES = 2 ** 25;

const LARGEST_PRE_SIEVED = PRE_SIEVED_PRIMES[PRE_SIEVED_PRIMES.length - 1];
const SEGMENT_ROOM = SEGMENT_BYTES + PATTERN_SLACK;
const TWO_32 = 2 ** 32;

const bitOfResidue = BIT_OF_RESIDUE;
const carry = CARRY;
const roundUpDelta = ROUND_UP_DELTA;
const roundUpIndex = ROUND_UP_INDEX;
// Read once, not per prime: the global Math is cheap to look up in Node, but slow in a vm
// context such as jest's, where it made the per-prime loops many times slower.
const { ceil, clz32, floor } = Math;

export class WindowSieve {
  /** Bytes from the window's first byte to the current segment's first byte. */
  segmentStart = 0;
  /** Bytes in the current segment. */
  length = 0;

  private readonly firstByteValue: bigint;
  private readonly windowBytes: number;
  private readonly headCut: number;
  private readonly tailValue: number;
  private segment = 0;

  private workspace: SieveWorkspace | undefined;
  private readonly kernels: SieveKernels;
  private readonly bytes: Uint8Array;
  private readonly words: Uint32Array;
  private readonly firstPattern: Uint8Array;
  private readonly firstPeriod: number;
  private readonly firstPhase: number;
  private readonly patternAddresses: readonly number[];
  private readonly patternPeriods: readonly number[];
  private readonly patternPhases: readonly number[];
  private readonly small: PrimeTier;
  private readonly medium: PrimeTier;
  private buckets: WindowBuckets | undefined;
  private peakBucketBytes = 0;

  /**
   * Sieves [from, to], 2^32 <= from <= to <= 2^64 - 1, at most MAX_WINDOW_BYTES bytes of
   * wheel (about 1e9 numbers). `poll` is called between pieces of work of a few
   * milliseconds and may throw to abandon the sieve; the engine is closed then.
   */
  constructor(from: bigint, to: bigint, poll: () => void) {
    if (from < WINDOW_SIEVE_FLOOR || to < from || to >= 2n ** 64n) {
      throw new RangeError(`window [${from}, ${to}] must lie within [2^32, 2^64 - 1]`);
    }
    const firstByte = from / 30n;
    this.firstByteValue = 30n * firstByte;
    this.headCut = Number(from - this.firstByteValue);
    this.tailValue = Number(to - this.firstByteValue);
    this.windowBytes = Math.floor(this.tailValue / 30) + 1;
    if (this.windowBytes > MAX_WINDOW_BYTES) {
      throw new RangeError(`window [${from}, ${to}] is wider than ${30 * MAX_WINDOW_BYTES}`);
    }
    const root = Number(bigintSqrt(to));
    const tiered = basePrimesUpTo(Math.min(root, MEDIUM_PRIME_LIMIT - 1)).filter(
      (p) => p > LARGEST_PRE_SIEVED,
    );
    const small = tiered.filter((p) => p < SMALL_PRIME_LIMIT).length;
    const medium = tiered.length - small;

    const [firstPattern] = preSievePatterns(SEGMENT_BYTES);
    this.firstPattern = firstPattern.bytes;
    this.firstPeriod = firstPattern.period;
    this.firstPhase = Number(firstByte % BigInt(firstPattern.period));
    const workspace = SieveWorkspace.acquire(align(9 * small) + align(9 * medium));
    this.workspace = workspace;
    this.kernels = workspace.kernels;
    this.patternAddresses = workspace.patternAddresses;
    this.patternPeriods = workspace.patternPeriods;
    this.patternPhases = workspace.patternPeriods.map((period) =>
      Number(firstByte % BigInt(period)),
    );
    this.bytes = new Uint8Array(workspace.buffer, SEGMENT_AT, SEGMENT_ROOM);
    this.words = new Uint32Array(workspace.buffer, SEGMENT_AT, SEGMENT_ROOM / 4);
    this.small = new PrimeTier(workspace.buffer, workspace.stateAt, small);
    this.medium = new PrimeTier(workspace.buffer, workspace.stateAt + align(9 * small), medium);
    try {
      this.placeSievingPrimes(from, tiered, root, poll);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Most bytes the buckets held at once: the part of the memory that grows with the window. */
  get bucketBytes(): number {
    return this.buckets?.peakBytes ?? this.peakBucketBytes;
  }

  /** 30 * floor(from / 30): the value the window's first byte starts at. */
  get baseValue(): bigint {
    return this.firstByteValue;
  }

  private placeSievingPrimes(
    from: bigint,
    tiered: Uint32Array,
    root: number,
    poll: () => void,
  ): void {
    const top = Number(from >> 32n);
    const middle = Number((from >> 16n) & 0xffffn);
    const bottom = Number(from & 0xffffn);
    const headCut = this.headCut;
    const small = this.small;
    const medium = this.medium;
    for (const p of tiered) {
      const [offset, rj] = firstMultiple(p, top, middle, bottom);
      if (p < SMALL_PRIME_LIMIT) small.add(p, offset, rj);
      else medium.add(p, offset, rj);
    }
    if (root < MEDIUM_PRIME_LIMIT) return;

    const buckets = new WindowBuckets(from, headCut, this.windowBytes);
    this.buckets = buckets;
    const primes = new SieveEngine(MEDIUM_PRIME_LIMIT, root + 1, basePrimesUpTo(integerSqrt(root)));
    const found = new Float64Array(8 * SEGMENT_BYTES);
    try {
      while (primes.nextSegment()) {
        buckets.place(found, primes.extractSegment(found, 0));
        poll();
      }
    } finally {
      primes.close();
    }
  }

  /** Sieves the next segment; false once the window is done. */
  nextSegment(): boolean {
    const start = this.segment * SEGMENT_BYTES;
    if (start >= this.windowBytes || this.workspace === undefined) {
      this.close();
      return false;
    }
    const length = Math.min(SEGMENT_BYTES, this.windowBytes - start);
    const kernels = this.kernels;
    const bytes = this.bytes;

    const firstOffset = (this.firstPhase + start) % this.firstPeriod;
    bytes.set(this.firstPattern.subarray(firstOffset, firstOffset + length));
    const blocks = (length + 15) >>> 4;
    for (let k = 0; k < this.patternAddresses.length; k++) {
      const phase = (this.patternPhases[k] + start) % this.patternPeriods[k];
      kernels.andInto(SEGMENT_AT, this.patternAddresses[k] + phase, blocks);
    }
    const s = this.small;
    kernels.crossOffSmall(SEGMENT_AT, length, s.primesAt, s.offsetsAt, s.rjsAt, s.count);
    const m = this.medium;
    kernels.crossOffMedium(SEGMENT_AT, length, m.primesAt, m.offsetsAt, m.rjsAt, m.count);
    this.buckets?.crossOff(this.segment, bytes, length);

    if (start === 0) this.clearBits(0, (value) => value < this.headCut);
    if (start + length === this.windowBytes) {
      this.clearBits(length - 1, (value) => value > this.tailValue);
    }
    bytes.fill(0, length, align(length));
    this.segmentStart = start;
    this.length = length;
    this.segment++;
    return true;
  }

  /** Gives the engine's memory back for reuse; the engine is done after this. */
  close(): void {
    this.workspace?.release();
    this.workspace = undefined;
    // The buckets' memory (up to a few hundred MB) goes with the last reference to it.
    this.peakBucketBytes = this.bucketBytes;
    this.buckets = undefined;
  }

  /** Number of primes in the current segment. */
  countSegment(): number {
    return this.kernels.popcount(SEGMENT_AT, (this.length + 7) >>> 3);
  }

  /**
   * Writes the current segment's primes, ascending, into out from index `at` until out is
   * full; returns the index after the last one written.
   */
  extractSegment(out: BigUint64Array, at: number): number {
    const halves = new Uint32Array(out.buffer, out.byteOffset, 2 * out.length);
    const base = this.firstByteValue + 30n * BigInt(this.segmentStart);
    const baseHigh = Number(base >> 32n);
    const baseLow = Number(base & 0xffffffffn);
    const words = this.words;
    const bitValue = WORD_BIT_VALUE;
    const wordCount = (this.length + 3) >>> 2;
    let n = at;
    for (let w = 0; w < wordCount && n < out.length; w++) {
      let x = words[w] | 0;
      while (x !== 0 && n < out.length) {
        // base + offset by 32-bit halves: the offset is below 2^21, the carry at most 1.
        const low = baseLow + 120 * w + bitValue[31 - clz32(x & -x)];
        const carried = low >= TWO_32 ? 1 : 0;
        halves[2 * n] = low - carried * TWO_32;
        halves[2 * n + 1] = baseHigh + carried;
        n++;
        x &= x - 1;
      }
    }
    return n;
  }

  /** Clears the bits of byte i of the current segment whose values (from base) match. */
  private clearBits(i: number, matches: (offset: number) => boolean): void {
    const at = 30 * (this.segment * SEGMENT_BYTES + i);
    for (let b = 0; b < 8; b++) if (matches(at + RESIDUES[b])) this.bytes[i] &= ~(1 << b);
  }
}

/**
 * The first multiple p * m >= from with m coprime to 30 (see the top of the file), as its
 * byte offset from floor(from / 30) and its wheel state rj; from = top * 2^32 +
 * middle * 2^16 + bottom.
 */
function firstMultiple(p: number, top: number, middle: number, bottom: number): [number, number] {
  const p30 = 30 * p;
  let rem = top % p30;
  rem = (rem * 65536 + middle) % p30;
  rem = (rem * 65536 + bottom) % p30;
  let m = ceil(rem / p);
  const mr = m % 30;
  const j = roundUpIndex[mr];
  m += roundUpDelta[mr];
  const r = p % 30;
  const q = (p - r) / 30;
  const rj = bitOfResidue[r] * 8 + j;
  return [q * m + (m > 30 ? r : 0) + carry[rj] - floor(rem / 30), rj];
}

/** floor(sqrt(n)) for 0 <= n < 2^64, exactly. */
export function bigintSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}
