/**
 * Deterministic Miller-Rabin for every integer 0 <= n < 2^53. With the first nine primes
 * as bases the test has no false positive below 3,825,123,056,546,413,051 (Jaeschke 1993,
 * Jiang & Deng 2014), far above 2^53; smaller n need fewer bases.
 *
 * Products of two residues below 2^53 do not fit a double, so above 94,906,265 (the largest
 * n whose squares stay exact) the arithmetic is BigInt; below it, plain numbers.
 */
const TRIAL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];
const EXACT_SQUARES_BELOW = 94_906_266;

/** Bases that make the test deterministic below each limit (smallest limits first). */
const BASES_BY_LIMIT: readonly (readonly [number, readonly number[]])[] = [
  [2_047, [2]],
  [1_373_653, [2, 3]],
  [25_326_001, [2, 3, 5]],
  [3_215_031_751, [2, 3, 5, 7]],
  [2_152_302_898_747, [2, 3, 5, 7, 11]],
  [3_474_749_660_383, [2, 3, 5, 7, 11, 13]],
  [341_550_071_728_321, [2, 3, 5, 7, 11, 13, 17]],
  [Infinity, [2, 3, 5, 7, 11, 13, 17, 19, 23]],
];

export function isPrimeByMillerRabin(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${n} is not an integer in [0, 2^53)`);
  }
  if (n < 2) return false;
  for (const p of TRIAL_PRIMES) {
    if (n === p) return true;
    if (n % p === 0) return false;
  }
  // No factor up to 47 and n < 53^2: prime.
  if (n < 53 * 53) return true;
  const bases = BASES_BY_LIMIT.find(([limit]) => n < limit)?.[1] ?? [];
  return n < EXACT_SQUARES_BELOW ? passesSmall(n, bases) : passesBig(BigInt(n), bases);
}

/** n - 1 = d * 2^s with d odd; a strong probable prime to base a when a^d = 1 or some a^(d*2^r) = -1. */
function passesSmall(n: number, bases: readonly number[]): boolean {
  let d = n - 1;
  let s = 0;
  while (d % 2 === 0) {
    d /= 2;
    s++;
  }
  for (const a of bases) {
    let x = powMod(a % n, d, n);
    if (x === 1 || x === n - 1) continue;
    let witness = true;
    for (let r = 1; r < s && witness; r++) {
      x = (x * x) % n;
      if (x === n - 1) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

function powMod(base: number, exponent: number, modulus: number): number {
  let result = 1;
  let b = base;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e = Math.floor(e / 2);
  }
  return result;
}

function passesBig(n: bigint, bases: readonly number[]): boolean {
  const minusOne = n - 1n;
  let d = minusOne;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (const base of bases) {
    let x = powModBig(BigInt(base) % n, d, n);
    if (x === 1n || x === minusOne) continue;
    let witness = true;
    for (let r = 1; r < s && witness; r++) {
      x = (x * x) % n;
      if (x === minusOne) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

function powModBig(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}
