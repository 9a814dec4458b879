import { primeSegments } from '../src/domain/sieve/segmented-sieve';

/**
 * The first `n` primes >= `from`, consecutive, from the domain's sieve. The bench suites store
 * such a run at position 0 of a fresh table to simulate a store that has reached `from`: the
 * repository checks that a run is consecutive, not that position 0 holds 2, and a chunk's cost
 * depends only on its bytes (about one per prime up to 1e11).
 */
export function consecutivePrimes(from: number, n: number): Float64Array {
  const primes = new Float64Array(n);
  let filled = 0;
  // Wide enough for n primes (density 1 / ln x, with room); the generator stops early anyway.
  const span = Math.ceil(n * Math.log(Math.max(from, 3) + n * 20) * 1.5) + 1_000;
  for (const segment of primeSegments(from, from + span)) {
    const take = Math.min(segment.length, n - filled);
    primes.set(segment.subarray(0, take), filled);
    filled += take;
    if (filled === n) return primes;
  }
  throw new Error(`fewer than ${n} primes in [${from}, ${from + span})`);
}
