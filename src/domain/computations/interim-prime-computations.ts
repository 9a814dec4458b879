/**
 * The INTERIM prime computations: exact, but built from what the repository already has, so
 * every use case runs end to end before the combinatorial prime count, the 64-bit Montgomery
 * primality test and the 64-bit window sieve exist. Below 2^53 they sieve with the
 * repository's segmented sieve (pi(x) by counting every segment up to x: linear in x, where the
 * combinatorial count is O(x^(2/3))). From 2^53 on, a window is sieved by the primes below
 * 2^16 and its survivors are tested by a deterministic Miller-Rabin in BigInt. The
 * composition root binds this object; the fast implementations replace it there.
 */
import { ComputationStoppedError } from '../errors/computation-stopped-error';
import { isPrimeByMillerRabin } from '../primality/miller-rabin';
import { countPrimes, primeSegments } from '../sieve/segmented-sieve';
import { primesUpTo } from '../sieve/simple-sieve';
import { U64_MAX, type PrimeComputations } from './prime-computations';

/** The repository's sieve works on doubles: exact below 2^53. */
const SIEVE_END = 2n ** 53n;
/** Numbers counted between two looks at the deadline (a few tens of milliseconds). */
const COUNT_BLOCK = 1 << 25;
/** Numbers sieved at once above 2^53, where each survivor costs a BigInt Miller-Rabin. */
const WIDE_SEGMENT = 1 << 14;
/** Gaps between consecutive primes below 2^64 are at most 1,550: one window always holds one. */
const NEIGHBOUR_WINDOW = 2_048n;
/** Bases that make Miller-Rabin deterministic for every n < 2^64 (Jim Sinclair, 2011). */
const U64_BASES = [2n, 325n, 9_375n, 28_178n, 450_775n, 9_780_504n, 1_795_265_022n];

let smallPrimes: Uint32Array | undefined;

const never = (): boolean => false;

function stopIfAsked(shouldStop: () => boolean, what: string): void {
  if (shouldStop()) throw new ComputationStoppedError(what);
}

/** The primes of [lo, hi) below 2^53, counted a block at a time between deadline checks. */
function countBelowSieveEnd(lo: number, hi: number, shouldStop: () => boolean): bigint {
  let count = 0;
  for (let start = lo; start < hi; start += COUNT_BLOCK) {
    stopIfAsked(shouldStop, 'the count');
    count += countPrimes(start, Math.min(hi, start + COUNT_BLOCK));
  }
  return BigInt(count);
}

function isPrimeWide(n: bigint): boolean {
  if (n < SIEVE_END) return isPrimeByMillerRabin(Number(n));
  for (const p of [2n, 3n, 5n, 7n, 11n, 13n]) if (n % p === 0n) return false;
  return passesMillerRabin(n);
}

/** The strong probable prime test to every base of U64_BASES; n odd, n > 2^53. */
function passesMillerRabin(n: bigint): boolean {
  const minusOne = n - 1n;
  let d = minusOne;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (const base of U64_BASES) {
    const a = base % n;
    if (a === 0n) continue;
    let x = powMod(a, d, n);
    if (x === 1n || x === minusOne) continue;
    let composite = true;
    for (let r = 1; r < s && composite; r++) {
      x = (x * x) % n;
      if (x === minusOne) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/**
 * The primes of [from, to] with 2^53 <= from, a segment at a time: multiples of the primes
 * below 2^16 are crossed off by offsets within the segment (so nothing leaves a double's exact
 * range), and each survivor is tested by Miller-Rabin.
 */
function* widePrimes(from: bigint, to: bigint, shouldStop: () => boolean): Generator<bigint> {
  smallPrimes ??= primesUpTo(1 << 16);
  const composite = new Uint8Array(WIDE_SEGMENT);
  for (let start = from; start <= to; start += BigInt(WIDE_SEGMENT)) {
    stopIfAsked(shouldStop, 'the window');
    const length = Number(to - start + 1n < BigInt(WIDE_SEGMENT) ? to - start + 1n : WIDE_SEGMENT);
    composite.fill(0, 0, length);
    for (const p of smallPrimes) {
      const remainder = Number(start % BigInt(p));
      for (let i = remainder === 0 ? 0 : p - remainder; i < length; i += p) composite[i] = 1;
    }
    for (let i = 0; i < length; i++) {
      if (composite[i] === 0 && passesMillerRabin(start + BigInt(i))) yield start + BigInt(i);
    }
  }
}

/** The primes of [from, to], ascending, lazily: the sieve below 2^53, widePrimes above. */
function* primesBetween(from: bigint, to: bigint, shouldStop: () => boolean): Generator<bigint> {
  if (from < SIEVE_END) {
    const end = to < SIEVE_END ? Number(to) + 1 : Number(SIEVE_END);
    for (const segment of primeSegments(Number(from), end)) {
      stopIfAsked(shouldStop, 'the window');
      for (const prime of segment) yield BigInt(prime);
    }
  }
  if (to >= SIEVE_END) yield* widePrimes(from > SIEVE_END ? from : SIEVE_END, to, shouldStop);
}

function countWindow(from: bigint, to: bigint, shouldStop: () => boolean): bigint {
  if (from > to) return 0n;
  let count = 0n;
  if (from < SIEVE_END) {
    const end = to < SIEVE_END ? Number(to) + 1 : Number(SIEVE_END);
    count += countBelowSieveEnd(Number(from), end, shouldStop);
  }
  if (to >= SIEVE_END) {
    const primes = widePrimes(from > SIEVE_END ? from : SIEVE_END, to, shouldStop);
    for (let step = primes.next(); !step.done; step = primes.next()) count++;
  }
  return count;
}

function nthPrimeBySieve(n: bigint, shouldStop: () => boolean): bigint {
  if (n < 1n) throw new RangeError(`the n-th prime needs n >= 1, got ${n}`);
  let seen = 0n;
  for (let start = 0n; start <= U64_MAX; start += BigInt(COUNT_BLOCK)) {
    const end =
      start + BigInt(COUNT_BLOCK) - 1n < U64_MAX ? start + BigInt(COUNT_BLOCK) - 1n : U64_MAX;
    const inBlock = countWindow(start, end, shouldStop);
    if (seen + inBlock >= n) {
      for (const prime of primesBetween(start, end, shouldStop)) {
        seen++;
        if (seen === n) return prime;
      }
    }
    seen += inBlock;
  }
  throw new RangeError(`there are fewer than ${n} primes below 2^64`);
}

export const interimPrimeComputations: PrimeComputations = {
  async primePi(x, shouldStop = never) {
    return countWindow(0n, x, shouldStop);
  },
  async nthPrime(n, shouldStop = never) {
    return nthPrimeBySieve(n, shouldStop);
  },
  async isPrimeU64(n) {
    return isPrimeWide(n);
  },
  async countPrimesInWindow(from, to, shouldStop = never) {
    return countWindow(from, to, shouldStop);
  },
  async primesInWindow(from, to, limit, shouldStop = never) {
    const found = new BigUint64Array(limit);
    let count = 0;
    if (limit > 0) {
      for (const prime of primesBetween(from, to, shouldStop)) {
        found[count++] = prime;
        if (count === limit) break;
      }
    }
    return found.slice(0, count);
  },
  async nextPrime(n) {
    for (let start = n + 1n; start <= U64_MAX; start += NEIGHBOUR_WINDOW) {
      const end = start + NEIGHBOUR_WINDOW - 1n < U64_MAX ? start + NEIGHBOUR_WINDOW - 1n : U64_MAX;
      for (const prime of primesBetween(start, end, never)) return prime;
    }
    return undefined;
  },
  async previousPrime(n) {
    for (let end = n - 1n; end >= 2n; end -= NEIGHBOUR_WINDOW) {
      const start = end - NEIGHBOUR_WINDOW + 1n > 0n ? end - NEIGHBOUR_WINDOW + 1n : 0n;
      let last: bigint | undefined;
      for (const prime of primesBetween(start, end, never)) last = prime;
      if (last !== undefined) return last;
    }
    return undefined;
  },
};
