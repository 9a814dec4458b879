/**
 * The fallback reference when primesieve is not installed: a plain segmented odd-only
 * sieve, one byte per odd number, 32 KiB segments, no wheel, no pre-sieve, no buckets.
 * It stands for a careful pure JavaScript sieve, the baseline a WebAssembly kernel must beat.
 */
const SEGMENT = 1 << 15;

export function plainCountPrimes(limit: number): number {
  if (limit < 3) return limit > 2 ? 1 : 0;
  const root = Math.floor(Math.sqrt(limit));
  const small = new Uint8Array(root + 1);
  const primes: number[] = [];
  for (let i = 3; i <= root; i += 2) {
    if (small[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= root; j += 2 * i) small[j] = 1;
  }
  // next[k]: index (in odd numbers) of the next odd multiple of primes[k] to cross off.
  const next = primes.map((p) => (p * p - 1) / 2);
  const segment = new Uint8Array(SEGMENT);
  const oddCount = Math.floor((limit - 1) / 2); // odd numbers 3 .. limit-1 have index 1 ..
  let count = 1; // 2
  for (let low = 0; low <= oddCount; low += SEGMENT) {
    const high = Math.min(low + SEGMENT, oddCount + 1);
    segment.fill(0);
    for (let k = 0; k < primes.length; k++) {
      const p = primes[k];
      let j = next[k] - low;
      for (; j < high - low; j += p) segment[j] = 1;
      next[k] = j + low;
    }
    for (let i = Math.max(low, 1); i < high; i++) {
      if (segment[i - low] === 0 && 2 * i + 1 < limit) count++;
    }
  }
  return count;
}
