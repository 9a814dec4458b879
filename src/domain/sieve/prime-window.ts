/**
 * Windows of values anywhere in [0, 2^64 - 1]: counting and listing the primes of [from, to].
 *
 * A window starting below 2^32 ends below 2^32 + MAX_WINDOW_SPAN < 2^53, so the sieve of
 * segmented-sieve.ts serves it exactly with doubles. A window from 2^32 up goes to the window
 * sieve (window-sieve.ts), one sub-window of at most MAX_WINDOW_BYTES bytes (about 1e9
 * numbers) at a time, which keeps the memory of one call bounded whatever the window.
 * Listing stops as soon as `limit` primes are found; its first sub-window is sized for about
 * that many primes, and each next one doubles, so a short list of a wide window stays cheap.
 */
import { basePrimesUpTo } from './base-primes';
import { integerSqrt } from './integer-sqrt';
import { deadlinePoll } from '../errors/deadline-reached-error';
import { SieveEngine } from './sieve-engine';
import { MAX_WINDOW_BYTES, WINDOW_SIEVE_FLOOR, WindowSieve } from './window-sieve';

/** The largest value a window may reach: 2^64 - 1. */
export const MAX_WINDOW_VALUE = 2n ** 64n - 1n;
/** Widest window counted in one call: to - from < 2^36 (about 6.9e10 numbers). */
export const MAX_WINDOW_SPAN = 2n ** 36n;
/** Most primes one listing returns (64 MiB of BigUint64Array). */
export const MAX_LISTED_PRIMES = 2 ** 23;

const SUB_WINDOW_SPAN = 30n * BigInt(MAX_WINDOW_BYTES) - 30n;
const FIRST_LISTING_SPAN = 1n << 21n;
const WHEEL_PRIMES = [2, 3, 5];
const TWO_32 = 2 ** 32;

/** The number of primes p with from <= p <= to; 0 <= from <= to <= 2^64 - 1, to - from < 2^36. */
export function countPrimesInWindow(from: bigint, to: bigint, shouldStop?: () => boolean): bigint {
  assertWindow(from, to);
  if (to - from >= MAX_WINDOW_SPAN) {
    throw new RangeError(`window [${from}, ${to}] is wider than 2^36 numbers`);
  }
  const poll = deadlinePoll(shouldStop, 'the count of the window');
  if (from < WINDOW_SIEVE_FLOOR) return BigInt(countLowWindow(Number(from), Number(to) + 1, poll));
  let count = 0;
  for (let lo = from; lo <= to; lo += SUB_WINDOW_SPAN + 1n) {
    const hi = minBig(to, lo + SUB_WINDOW_SPAN);
    count += countSegments(new WindowSieve(lo, hi, poll), poll);
  }
  return BigInt(count);
}

/**
 * The first `limit` primes p with from <= p <= to, ascending (fewer if the window holds
 * fewer); 0 <= from <= to <= 2^64 - 1, 0 <= limit <= MAX_LISTED_PRIMES. A value cursor pages
 * on by asking again from the last prime + 1.
 */
export function primesInWindow(
  from: bigint,
  to: bigint,
  limit: number,
  shouldStop?: () => boolean,
): BigUint64Array {
  assertWindow(from, to);
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_LISTED_PRIMES) {
    throw new RangeError(`limit ${limit} must be an integer within [0, ${MAX_LISTED_PRIMES}]`);
  }
  const poll = deadlinePoll(shouldStop, 'the primes of the window');
  const out = new GrowingPrimeList(limit);
  if (limit === 0) return out.primes();
  let lo = from;
  if (lo < WINDOW_SIEVE_FLOOR) {
    const hi = minBig(to, WINDOW_SIEVE_FLOOR - 1n);
    listLowWindow(Number(lo), Number(hi) + 1, out, poll);
    lo = hi + 1n;
  }
  // Sized for the primes still wanted, at a density of 1 / ln(value) (ln 2^64 < 45).
  let span = maxBig(FIRST_LISTING_SPAN, BigInt(Math.ceil(45 * 1.25 * (limit - out.length))));
  while (lo <= to && !out.full) {
    const hi = minBig(to, lo + minBig(span, SUB_WINDOW_SPAN));
    const sieve = new WindowSieve(lo, hi, poll);
    try {
      while (!out.full && sieve.nextSegment()) {
        out.takeFrom(sieve);
        poll();
      }
    } finally {
      sieve.close();
    }
    if (hi === to) break;
    lo = hi + 1n;
    span *= 2n;
  }
  return out.primes();
}

function assertWindow(from: bigint, to: bigint): void {
  if (from < 0n || to < from || to > MAX_WINDOW_VALUE) {
    throw new RangeError(`window [${from}, ${to}] must satisfy 0 <= from <= to <= 2^64 - 1`);
  }
}

/** Counts the primes of [lo, hi), hi <= 2^53, segment by segment with the deadline polled. */
function countLowWindow(lo: number, hi: number, poll: () => void): number {
  const count = WHEEL_PRIMES.filter((p) => p >= lo && p < hi).length;
  if (hi <= 7) return count;
  const sieve = new SieveEngine(Math.max(lo, 7), hi, basePrimesUpTo(integerSqrt(hi - 1)));
  return count + countSegments(sieve, poll);
}

/** The primes left in a sieve, summed segment by segment with the deadline polled between. */
function countSegments(sieve: SieveEngine | WindowSieve, poll: () => void): number {
  let count = 0;
  try {
    while (sieve.nextSegment()) {
      count += sieve.countSegment();
      poll();
    }
  } finally {
    sieve.close();
  }
  return count;
}

/** Lists the primes of [lo, hi), hi <= 2^53, into out until it is full. */
function listLowWindow(lo: number, hi: number, out: GrowingPrimeList, poll: () => void): void {
  for (const p of WHEEL_PRIMES) if (p >= lo && p < hi) out.pushNumber(p);
  if (hi <= 7) return;
  const sieve = new SieveEngine(Math.max(lo, 7), hi, basePrimesUpTo(integerSqrt(hi - 1)));
  // A segment holds at most 8 * 2^16 primes, and never more than the numbers asked for.
  const segment = new Float64Array(Math.min(8 * (1 << 16), hi - lo));
  try {
    while (!out.full && sieve.nextSegment()) {
      const count = sieve.extractSegment(segment, 0);
      for (let k = 0; k < count && !out.full; k++) out.pushNumber(segment[k]);
      poll();
    }
  } finally {
    sieve.close();
  }
}

/** Up to `limit` primes, in a BigUint64Array that doubles as it fills. */
class GrowingPrimeList {
  length = 0;
  private store: BigUint64Array;
  private halves: Uint32Array;

  constructor(private readonly limit: number) {
    this.store = new BigUint64Array(Math.min(limit, 1024));
    this.halves = new Uint32Array(this.store.buffer);
  }

  get full(): boolean {
    return this.length >= this.limit;
  }

  /** Appends an exact integer p < 2^53 without a BigInt per prime. */
  pushNumber(p: number): void {
    this.reserve(1);
    const high = Math.floor(p / TWO_32);
    this.halves[2 * this.length] = p - high * TWO_32;
    this.halves[2 * this.length + 1] = high;
    this.length++;
  }

  takeFrom(sieve: WindowSieve): void {
    this.reserve(Math.min(this.limit - this.length, sieve.countSegment()));
    this.length = sieve.extractSegment(this.store.subarray(0, this.limit), this.length);
  }

  primes(): BigUint64Array {
    return this.store.length === this.length ? this.store : this.store.slice(0, this.length);
  }

  private reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.store.length) return;
    const grown = new BigUint64Array(Math.min(this.limit, Math.max(needed, 2 * this.store.length)));
    grown.set(this.store.subarray(0, this.length));
    this.store = grown;
    this.halves = new Uint32Array(grown.buffer);
  }
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
