/**
 * Independent references for values up to 2^64 - 1, written for obviousness rather than speed
 * and sharing no code with src/domain: a BigInt Miller-Rabin, the plain window sieve below
 * 2^53, and primesieve itself for wider windows.
 */
import { execFileSync } from 'node:child_process';
import { referencePrimesInRange } from './reference-primes';

/** b^e mod m, left to right over the binary digits of e. */
function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  for (const digit of exponent.toString(2)) {
    result = (result * result) % modulus;
    if (digit === '1') result = (result * base) % modulus;
  }
  return result;
}

/** Deterministic below 2^64 with the first twelve primes as bases. */
const WITNESSES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n];

export function isPrimeByMillerRabin(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of WITNESSES) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  witnesses: for (const a of WITNESSES) {
    let x = powMod(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witnesses;
    }
    return false;
  }
  return true;
}

/**
 * The primes of [from, to] by the plain window sieve of reference-primes.ts, as BigInts: below
 * 2^53 every value is exact as a number, and sqrt(to) must stay small (to below about 2^46).
 */
export function plainWindowPrimes(from: bigint, to: bigint): bigint[] {
  if (to >= 2n ** 53n) throw new RangeError('the plain window sieve stays below 2^53');
  return referencePrimesInRange(Number(from), Number(to) + 1).map(BigInt);
}

/** The primes of [from, to] by Miller-Rabin on every number: for short windows anywhere. */
export function testedWindowPrimes(from: bigint, to: bigint): bigint[] {
  const primes: bigint[] = [];
  for (let n = from; n <= to; n++) if (isPrimeByMillerRabin(n)) primes.push(n);
  return primes;
}

/** `primesieve from to -c`: the count of primes in [from, to]. */
export function primesieveCount(from: bigint, to: bigint): bigint {
  const out = execFileSync('primesieve', [String(from), String(to), '-c', '-q'], {
    encoding: 'utf8',
  });
  return BigInt(out.trim());
}

/** `primesieve from to -p`: the primes of [from, to]. */
export function primesieveList(from: bigint, to: bigint): bigint[] {
  const out = execFileSync('primesieve', [String(from), String(to), '-p'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => BigInt(line));
}

/** Compares long lists without a slow deep diff: the length, then the first difference. */
export function expectList(from: bigint, to: bigint, actual: bigint[], expected: bigint[]): void {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  expect([from, to, actual.length, actual[i]]).toEqual([from, to, expected.length, expected[i]]);
}
