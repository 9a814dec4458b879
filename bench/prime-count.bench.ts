/**
 * The prime count past the store, each figure next to primecount 7.6 (`--threads=1`) from the
 * same run, in turn with it:
 * - pi(1e14), pi(1e15), pi(1e16): primePi vs `primecount X --threads=1` (Gourdon's method);
 * - the 10^12-th prime: nthPrime vs `primecount -n 1e12 --threads=1`;
 * - isPrimeU64 per call on 64-bit primes vs Miller-Rabin in plain BigInt (same bases);
 * - the peak RSS of a child process counting pi(1e16).
 * Our counts up to 1e15 and the n-th prime are timed in this process, so that tsx's start-up
 * (a second or more on a loaded machine) does not fall on them; pi(1e16) runs in a child
 * process (this file with --child), so that its peak RSS is its own, and there the start-up
 * is a rounding error. primecount always runs as a child process (its start-up is a few
 * milliseconds). Every answer is checked against primecount's, so a fast wrong count cannot
 * pass.
 */
import { isPrimeU64 } from '../src/domain/primality/miller-rabin-64';
import { nthPrime } from '../src/domain/prime-count/nth-prime';
import { primePi } from '../src/domain/prime-count/prime-pi';
import { median, type BenchRow, type BenchSuite } from './harness';
import { runMeasuredChild } from './measured-child';

const PRIMECOUNT = 'primecount';
const REFERENCE = 'primecount 7.6, --threads=1';

interface Timed {
  readonly ms: number;
  readonly answer: string;
  readonly peakRssMb?: number;
}

/** primecount's answer and wall time, as a child process like ours. */
async function primecount(args: readonly string[]): Promise<Timed> {
  const child = await runMeasuredChild(PRIMECOUNT, [...args, '--threads=1'], process.env);
  return { ms: child.wallMs, answer: child.stdout.trim() };
}

async function ours(kind: 'pi' | 'nth', value: string, inChild: boolean): Promise<Timed> {
  if (!inChild) {
    const start = performance.now();
    const answer = String(kind === 'nth' ? nthPrime(BigInt(value)) : primePi(BigInt(value)));
    return { ms: performance.now() - start, answer };
  }
  const child = await runMeasuredChild(
    process.execPath,
    ['--import', 'tsx', __filename, '--child', kind, value],
    process.env,
  );
  return { ms: child.wallMs, answer: child.stdout.trim(), peakRssMb: child.peakRssMb };
}

/** Runs ours and primecount in turn `runs` times; medians, with answers compared. */
async function sideBySide(
  kind: 'pi' | 'nth',
  value: string,
  runs: number,
  inChild = false,
): Promise<{ ours: number; reference: number; peakRssMb: number }> {
  const ourTimes: number[] = [];
  const theirTimes: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const mine = await ours(kind, value, inChild);
    const theirs = await primecount(kind === 'nth' ? ['-n', value] : [value]);
    if (mine.answer !== theirs.answer) {
      throw new Error(`${kind}(${value}): ours ${mine.answer}, primecount ${theirs.answer}`);
    }
    ourTimes.push(mine.ms);
    theirTimes.push(theirs.ms);
    peak = Math.max(peak, mine.peakRssMb ?? 0);
  }
  return { ours: median(ourTimes), reference: median(theirTimes), peakRssMb: peak };
}

function powModBig(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** The same seven-base test in BigInt, for the per-call comparison. */
function isPrimeBigInt(n: bigint): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (const a of [2n, 325n, 9375n, 28178n, 450775n, 9780504n, 1795265022n]) {
    let x = powModBig(a, d, n);
    if (x === 0n || x === 1n || x === n - 1n) continue;
    let witness = true;
    for (let r = 1; r < s && witness; r++) {
      x = (x * x) % n;
      if (x === n - 1n) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

function microsecondsPerCall(test: (n: bigint) => boolean, primes: readonly bigint[]): number {
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    for (const n of primes) if (!test(n)) throw new Error(`${n} is prime`);
    rounds.push(((performance.now() - start) * 1000) / primes.length);
  }
  return median(rounds);
}

export const primeCountBench: BenchSuite = {
  name: 'prime-count',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    let largestPeak = 0;
    for (const [x, runs, inChild] of [
      ['1e14', 3, false],
      ['1e15', 3, false],
      ['1e16', 1, true],
    ] as const) {
      const decimal = String(BigInt(10) ** BigInt(x.slice(2)));
      const timed = await sideBySide('pi', decimal, runs, inChild);
      largestPeak = timed.peakRssMb;
      rows.push({
        figure: `pi(${x})${inChild ? ', child process' : ''}`,
        ours: timed.ours,
        reference: timed.reference,
        referenceName: REFERENCE,
        goal: '<= 3x',
      });
    }
    rows.push({ figure: 'peak RSS of pi(1e16)', ours: largestPeak, unit: 'MB', goal: '< 256 MB' });
    const nth = await sideBySide('nth', '1000000000000', 3);
    rows.push({
      figure: 'nthPrime(1e12)',
      ours: nth.ours,
      reference: nth.reference,
      referenceName: REFERENCE,
      goal: '<= 3x',
    });
    const primes = [
      18_446_744_073_709_551_557n,
      18_446_744_073_709_551_533n,
      9_223_372_036_854_775_783n,
      4_611_686_018_427_387_847n,
    ];
    rows.push({
      figure: 'isPrimeU64, one 64-bit prime',
      ours: microsecondsPerCall(isPrimeU64, primes),
      reference: microsecondsPerCall(isPrimeBigInt, primes),
      referenceName: 'the same test in BigInt',
      unit: 'us',
    });
    return rows;
  },
};

/** As a child: one count, its answer on stdout. */
function child(kind: string, value: string): void {
  const answer = kind === 'nth' ? nthPrime(BigInt(value)) : primePi(BigInt(value));
  process.stdout.write(`${answer}\n`);
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4]);
