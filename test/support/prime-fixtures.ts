/**
 * Test data builders for stores: real primes from plain, obviously correct methods (trial
 * division, a textbook sieve of one window), independent of the service's sieve so that a sieve
 * bug cannot hide on both sides of a comparison.
 */
export function isPrimeByTrialDivision(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** The first `count` primes: 2, 3, 5, ... */
export function firstPrimes(count: number): Float64Array {
  return primesFrom(2, count);
}

/** The `count` consecutive primes that come first at or after `start`. */
export function primesFrom(start: number, count: number): Float64Array {
  const primes = new Float64Array(count);
  let found = 0;
  const width = Math.ceil(count * Math.log(start + 3) * 1.5) + 1_000;
  for (let low = start; found < count; low += width) {
    for (const prime of primesInWindow(low, low + width)) {
      if (found === count) break;
      primes[found++] = prime;
    }
  }
  return primes;
}

/** Every prime in [low, high): cross out multiples of each d <= sqrt(high) in one window. */
function primesInWindow(low: number, high: number): number[] {
  const composite = new Uint8Array(high - low);
  for (let d = 2; d * d < high; d++) {
    for (let multiple = Math.max(d * d, Math.ceil(low / d) * d); multiple < high; multiple += d) {
      composite[multiple - low] = 1;
    }
  }
  const primes: number[] = [];
  for (let n = Math.max(low, 2); n < high; n++) if (!composite[n - low]) primes.push(n);
  return primes;
}
