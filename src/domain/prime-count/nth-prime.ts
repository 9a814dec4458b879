/**
 * The n-th prime (nthPrime(1) = 2) the way primecount's nth_prime finds it: guess x near
 * it from the inverse of Riemann's R, count pi(x) exactly (prime-pi.ts), then sieve the
 * odd numbers forward from x (pi(x) < n) or backward (pi(x) >= n) to the prime whose
 * count is n. The guess only decides how far the sieve walks, never the answer: near 1e17
 * R^-1 lands within about 1e7 primes, a few windows of the sieve below.
 *
 * The windows sieve values past 2^53 too, so offsets of a window's start modulo each
 * sieving prime are computed from 16-bit pieces, every product exact in a double.
 */
import { logarithmicIntegral } from '../bounds/logarithmic-integral';
import { primeSegments } from '../sieve/segmented-sieve';
import { DeadlineReachedError, type ShouldStop } from '../errors/deadline-reached-error';
import { integerRoot, primePi, PRIME_PI_MAX } from './prime-pi';

/** Odd numbers per window: from 64 KB of flags, doubling to 4 MB as the walk goes on. */
const FIRST_WINDOW_ODDS = 1 << 16;
const WINDOW_ODDS = 1 << 22;
/** Below this guess a walk from 0 is cheaper than a count. */
const WALK_FROM_ZERO_BELOW = 200_000;
/** Moebius function for k = 1..20, the terms of R(x) = sum mu(k) / k li(x^(1/k)). */
const MOEBIUS = [0, 1, -1, -1, 0, -1, 1, -1, 0, 0, 1, -1, 0, -1, 1, 1, 0, -1, 0, -1, 0];

/** The n-th prime, exactly, for 1 <= n <= pi(PRIME_PI_MAX). */
export function nthPrime(n: bigint, shouldStop?: ShouldStop): bigint {
  if (n < 1n) throw new RangeError(`the n-th prime is defined for n >= 1, not ${n}`);
  const guess = inverseRiemannR(Number(n));
  if (guess > Number(PRIME_PI_MAX)) {
    throw new RangeError(`the ${n}-th prime lies past ${PRIME_PI_MAX}, beyond the count's reach`);
  }
  let x = guess < WALK_FROM_ZERO_BELOW ? 0n : BigInt(Math.floor(guess));
  if (x > PRIME_PI_MAX) x = PRIME_PI_MAX;
  const countToX = x === 0n ? 0n : primePi(x, shouldStop);
  const stop = () => {
    if (shouldStop?.() === true) throw DeadlineReachedError.beforeComputing(`the ${n}-th prime`);
  };
  return countToX < n ? walkForward(x, n - countToX, stop) : walkBackward(x, countToX - n, stop);
}

/** The k-th prime after x (k >= 1). */
function walkForward(x: bigint, k: bigint, stop: () => void): bigint {
  let remaining = Number(k);
  let lo = x + 1n;
  for (let odds = FIRST_WINDOW_ODDS; ; odds = Math.min(2 * odds, WINDOW_ODDS)) {
    const hi = lo + BigInt(2 * odds);
    const primes = primesInWindow(lo, hi);
    if (primes.length >= remaining) return primes[remaining - 1];
    remaining -= primes.length;
    lo = hi;
    stop();
  }
}

/** The largest prime p <= x with exactly `skip` primes in (p, x]. */
function walkBackward(x: bigint, skip: bigint, stop: () => void): bigint {
  let remaining = Number(skip);
  let hi = x + 1n;
  for (let odds = FIRST_WINDOW_ODDS; ; odds = Math.min(2 * odds, WINDOW_ODDS)) {
    const span = BigInt(2 * odds);
    const lo = hi > span ? hi - span : 0n;
    const primes = primesInWindow(lo, hi);
    if (primes.length > remaining) return primes[primes.length - 1 - remaining];
    remaining -= primes.length;
    hi = lo;
    stop();
  }
}

/** The primes of [lo, hi), ascending, hi - lo <= 2 * WINDOW_ODDS. */
function primesInWindow(lo: bigint, hi: bigint): bigint[] {
  const sqrt = Number(integerRoot(hi - 1n, 2));
  // flags[i] stands for the odd number first + 2i.
  const first = lo % 2n === 0n ? lo + 1n : lo;
  const found: bigint[] = [];
  if (lo <= 2n && hi > 2n) found.push(2n);
  if (first >= hi) return found;
  const odds = Number((hi - first + 1n) / 2n);
  const composite = new Uint8Array(odds);
  const high = Number(first >> 32n);
  const low = Number(first & 0xffffffffn);
  // Only a window that starts below sqrt(hi) can hold a sieving prime; past 2^53 none does,
  // and a sum that rounds there cannot equal a prime below 2^32. A number, not a BigInt, so
  // that the loop over 370,000 sieving primes near 3e13 makes no BigInt per prime.
  const firstNumber = first <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(first) : Infinity;
  for (const part of primeSegments(3, sqrt + 1)) {
    for (const p of part) {
      // first mod p from 16-bit pieces: each product stays below 2^48, exact in a double.
      let r = ((high % p) * 65536) % p;
      r = (((r * 65536) % p) + (low % p)) % p;
      // first + t is a multiple of p; first is odd, so the odd one is t or t + p away.
      const t = r === 0 ? 0 : p - r;
      let i = t % 2 === 0 ? t / 2 : (t + p) / 2;
      // p itself is prime.
      if (firstNumber + 2 * i === p) i += p;
      for (; i < odds; i += p) composite[i] = 1;
    }
  }
  if (first === 1n) composite[0] = 1;
  for (let i = 0; i < odds; i++) if (composite[i] === 0) found.push(first + BigInt(2 * i));
  return found;
}

/** x with R(x) = n, by Newton's method on R'(x) ~ 1 / ln x; double precision. */
function inverseRiemannR(n: number): number {
  if (n < 3) return n === 1 ? 2 : 3;
  let x = n * Math.log(n) + n * Math.log(Math.log(n));
  for (let step = 0; step < 40; step++) {
    const next = x - (riemannR(x) - n) * Math.log(x);
    if (Math.abs(next - x) < 0.5) return next;
    x = next;
  }
  return x;
}

function riemannR(x: number): number {
  let sum = 0;
  for (let k = 1; k < MOEBIUS.length; k++) {
    const root = x ** (1 / k);
    if (root <= 2 || MOEBIUS[k] === 0) continue;
    sum += (MOEBIUS[k] / k) * logarithmicIntegral(root);
  }
  return sum;
}
