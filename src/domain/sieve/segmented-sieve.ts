/**
 * The segmented sieve of Eratosthenes: primeSegments lists the primes of a range, countSievedPrimes
 * counts them.
 *
 * How it works (the plan of primesieve's doc/ALGORITHMS.md, in TypeScript):
 *
 * 1. Bit packing on a modulo-30 wheel (wheel.ts). Only numbers coprime to 30 can be prime
 *    (beyond 2, 3 and 5), and there are 8 of them in every 30, so one byte covers 30 numbers:
 *    byte i, bit b stands for 30 * i + RESIDUES[b]. A 64 KiB segment covers 1,966,080 numbers.
 *
 * 2. Segments. The range [lo, hi) is sieved one segment at a time, in a byte array sized to
 *    stay in the CPU's fast caches (SEGMENT_BYTES, chosen by benchmark), never the whole range.
 *    A segment is first filled from pre-sieved patterns (pre-sieve.ts: the multiples of
 *    7..101, which repeat with short periods, copied and ANDed in), then crossed off by
 *    every sieving prime p <= sqrt(hi) whose square lies below the segment's end; the bits
 *    left set are the primes. Counting is a popcount of the segment; listing scans its words.
 *
 * 3. Three tiers of sieving primes, by how often they hit a segment:
 *    - small (a few wheel turns or more per segment): an eight-way unrolled loop per wheel
 *      turn with offsets and masks in locals;
 *    - medium (about one hit per segment or more): one multiple at a time, state kept in
 *      flat arrays;
 *    - large (most segments have no multiple): bucket sieving (bucket-sieve.ts), so a segment
 *      touches only the primes that hit it.
 *    Every prime keeps its state (byte offset of its next multiple and wheel position) from
 *    one segment to the next, so its first multiple is computed only once per range.
 *
 * 4. The hot loops (pre-sieve ANDs, small and medium tiers, popcount) are WebAssembly
 *    kernels (wasm-kernels.ts), written in TypeScript through wasm-encoding.ts; each engine
 *    (sieve-engine.ts) works in a pooled WebAssembly memory (sieve-workspace.ts). Over plain
 *    typed arrays the same loops ran 2.2x slower (BENCHMARKS.md). Bucket sieving and
 *    listing stay in JavaScript, over views of the same memory.
 *
 * 5. Exact arithmetic up to 2^53. Global byte indices and values are doubles holding exact
 *    integers (`%` and division of exact multiples are exact on them); only offsets inside a
 *    segment and per-prime quantities, all below 2^31, go through 32-bit integer operations.
 */
import { basePrimesUpTo } from './base-primes';
import { integerSqrt } from './integer-sqrt';
import { SieveEngine } from './sieve-engine';

const WHEEL_PRIMES = [2, 3, 5];

/** Byte indices and values are exact doubles, so no bound may pass 2^53. */
const MAX_SIEVE_BOUND = 2 ** 53;

function assertSieveRange(lo: number, hi: number): void {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > MAX_SIEVE_BOUND) {
    throw new RangeError(`sieve range [${lo}, ${hi}) must be integers within [0, 2^53]`);
  }
}

/**
 * Yields the primes of [lo, hi) in ascending order, segment by segment; every array is
 * fresh and the consumer's to keep. Never holds more than one segment. 0 <= lo <= hi <= 2^53.
 */
export function* primeSegments(lo: number, hi: number): Generator<Float64Array, void, void> {
  assertSieveRange(lo, hi);
  // 2, 3 and 5 have no bits on the wheel: they lead the first segment.
  const leading = WHEEL_PRIMES.filter((p) => p >= lo && p < hi);
  if (hi <= 7) {
    if (leading.length > 0) yield Float64Array.from(leading);
    return;
  }
  const sieve = new SieveEngine(Math.max(lo, 7), hi, basePrimesUpTo(integerSqrt(hi - 1)));
  let pending = leading.length;
  try {
    while (sieve.nextSegment()) {
      const count = sieve.countSegment();
      if (count + pending === 0) continue;
      const primes = new Float64Array(pending + count);
      for (let i = 0; i < pending; i++) primes[i] = leading[i];
      sieve.extractSegment(primes, pending);
      pending = 0;
      yield primes;
    }
  } finally {
    // Also runs when the consumer stops early.
    sieve.close();
  }
  if (pending > 0) yield Float64Array.from(leading);
}

/** The number of primes in [lo, hi), 0 <= lo <= hi <= 2^53. */
export function countSievedPrimes(lo: number, hi: number): number {
  assertSieveRange(lo, hi);
  let count = 0;
  for (const p of WHEEL_PRIMES) if (p >= lo && p < hi) count++;
  if (hi <= 7) return count;
  const sieve = new SieveEngine(Math.max(lo, 7), hi, basePrimesUpTo(integerSqrt(hi - 1)));
  while (sieve.nextSegment()) count += sieve.countSegment();
  // nextSegment closed the engine on its last call.
  return count;
}
