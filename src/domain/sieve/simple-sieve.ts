/**
 * A plain odd-only sieve of Eratosthenes, one byte per odd number. It bootstraps the
 * segmented sieve with the few base primes that sieve needs to sieve its own base primes.
 */
export function primesUpTo(limit: number): Uint32Array {
  if (limit < 2) return new Uint32Array(0);
  // composite[i] stands for 2i + 1.
  const size = Math.floor((limit - 1) / 2) + 1;
  const composite = new Uint8Array(size);
  for (let i = 1; (2 * i + 1) * (2 * i + 1) <= limit; i++) {
    if (composite[i]) continue;
    const p = 2 * i + 1;
    for (let k = (p * p - 1) / 2; k < size; k += p) composite[k] = 1;
  }
  let count = 1;
  for (let i = 1; i < size; i++) if (!composite[i]) count++;
  const primes = new Uint32Array(count);
  primes[0] = 2;
  let n = 1;
  for (let i = 1; i < size; i++) if (!composite[i]) primes[n++] = 2 * i + 1;
  return primes;
}
