/**
 * Independent references for every prime test: textbook algorithms, written for
 * obviousness rather than speed, sharing no code with src/domain.
 */

/** Every prime below `limit`: the plain sieve of Eratosthenes, one byte per number. */
export function referencePrimesBelow(limit: number): number[] {
  const composite = new Uint8Array(Math.max(limit, 2));
  const primes: number[] = [];
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    primes.push(n);
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return primes;
}

/** pi(x) for every integer 0 <= x < limit, as a table. */
export function referencePrimeCounts(limit: number): Uint32Array {
  const counts = new Uint32Array(limit);
  const primes = referencePrimesBelow(limit);
  let k = 0;
  for (let x = 0; x < limit; x++) {
    while (k < primes.length && primes[k] <= x) k++;
    counts[x] = k;
  }
  return counts;
}

/** Trial division by 2 and every odd number up to sqrt(n): slow, but nothing to get wrong. */
export function isPrimeByTrialDivision(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

let compositeBelowRoot = new Uint8Array(0);

/**
 * The primes of [lo, hi): crosses off, in a window one byte per number, the multiples of
 * every prime <= sqrt(hi), found by a plain sieve up to sqrt(hi).
 */
export function referencePrimesInRange(lo: number, hi: number): number[] {
  const root = Math.floor(Math.sqrt(hi)) + 1;
  if (root >= compositeBelowRoot.length) {
    compositeBelowRoot = new Uint8Array(root + 1);
    for (let n = 2; n * n <= root; n++) {
      if (compositeBelowRoot[n]) continue;
      for (let m = n * n; m <= root; m += n) compositeBelowRoot[m] = 1;
    }
  }
  const width = hi - lo;
  const composite = new Uint8Array(Math.max(width, 0));
  for (let p = 2; p * p < hi; p++) {
    if (compositeBelowRoot[p]) continue;
    // No Math.max here: inside jest's sandbox a lookup of the global Math, once per prime up
    // to sqrt(hi), cost more than the crossing off.
    const rem = lo % p;
    const multiple = rem === 0 ? lo : lo - rem + p;
    const first = multiple > p * p ? multiple : p * p;
    for (let m = first - lo; m < width; m += p) composite[m] = 1;
  }
  const primes: number[] = [];
  for (let i = 0; i < width; i++) if (!composite[i] && lo + i >= 2) primes.push(lo + i);
  return primes;
}

/** Every prime p with from <= p <= to: inclusive, as the HTTP API's ranges. */
export function primesBetween(from: number, to: number): number[] {
  return referencePrimesInRange(from, to + 1);
}

/** The first `count` primes: 2, 3, 5, ... */
export function firstPrimes(count: number): Float64Array {
  return primesFrom(2, count);
}

/** The `count` consecutive primes that come first at or after `start`. */
export function primesFrom(start: number, count: number): Float64Array {
  const primes = new Float64Array(count);
  // About ln(start) numbers per prime; a window that is too short is followed by another.
  const width = Math.ceil(count * Math.log(start + 3) * 1.5) + 1_000;
  let found = 0;
  for (let low = start; found < count; low += width) {
    for (const prime of referencePrimesInRange(low, low + width)) {
      if (found === count) break;
      primes[found++] = prime;
    }
  }
  return primes;
}
