/**
 * The sieving primes: every prime up to sqrt of the largest bound asked for so far, kept
 * for the life of the process (at most the 5.5 million primes below sqrt(2^53), 22 MB).
 * Beyond a small bootstrap they come from the segmented sieve itself.
 */
import { integerSqrt } from './integer-sqrt';
import { SieveEngine } from './sieve-engine';
import { primesUpTo } from './simple-sieve';

const BOOTSTRAP_LIMIT = 1 << 16;
const MAX_LIMIT = integerSqrt(2 ** 53);

let cache: Uint32Array | undefined;
let cachedLimit = 0;

/** Every prime <= limit (including 2, 3 and 5), ascending; limit <= sqrt(2^53). */
export function basePrimesUpTo(limit: number): Uint32Array {
  if (cache === undefined || limit > cachedLimit) {
    // Grow geometrically so a rising series of requests sieves O(final limit) in all.
    const target = Math.min(MAX_LIMIT, Math.max(limit, 2 * cachedLimit, BOOTSTRAP_LIMIT));
    cache = target <= BOOTSTRAP_LIMIT ? primesUpTo(target) : sievePrimesUpTo(target);
    cachedLimit = target;
  }
  return cache.subarray(0, countAtMost(cache, limit));
}

function sievePrimesUpTo(limit: number): Uint32Array {
  const sieve = new SieveEngine(7, limit + 1, basePrimesUpTo(integerSqrt(limit)));
  const parts: Float64Array[] = [new Float64Array([2, 3, 5])];
  let total = 3;
  while (sieve.nextSegment()) {
    const part = new Float64Array(sieve.countSegment());
    sieve.extractSegment(part, 0);
    parts.push(part);
    total += part.length;
  }
  const primes = new Uint32Array(total);
  let at = 0;
  for (const part of parts) {
    primes.set(part, at);
    at += part.length;
  }
  return primes;
}

function countAtMost(sorted: Uint32Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
