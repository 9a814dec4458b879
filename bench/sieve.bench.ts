/**
 * Sieve figures (issue 3, goal 1), each side by side with a reference in the same run:
 * - count primes < 1e9 and < 1e10: countSievedPrimes vs `primesieve N --threads=1 -q --time`
 *   (its own "Seconds:" figure, which leaves out process start-up);
 * - first 1e7 primes into a typed array: primeSegments vs libprimesieve's
 *   generate_n_primes, through bench/primesieve-n-primes.c when gcc can build it.
 * Without primesieve (`apt-get install primesieve-bin`), the reference is the plain
 * odd-only sieve of bench/plain-sieve.ts, run in this process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nthPrimeUpperBound } from '../src/domain/bounds/nth-prime-bounds';
import { countSievedPrimes, primeSegments } from '../src/domain/sieve/segmented-sieve';
import { measure, median, type BenchRow, type BenchSuite } from './harness';
import { plainCountPrimes } from './plain-sieve';

const LIBRARY = '/usr/lib/x86_64-linux-gnu/libprimesieve.so.11';

function hasPrimesieve(): boolean {
  try {
    execFileSync('primesieve', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Median of primesieve's own timing over `runs` child processes; checks the count too. */
function primesieveCount(stop: number, expected: number, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync('primesieve', [String(stop), '--threads=1', '-q', '--time'], {
      encoding: 'utf8',
    });
    const seconds = /Seconds:\s*([\d.]+)/.exec(out);
    const count = Number(out.trim().split(/\s+/).pop());
    if (!seconds || count !== expected) throw new Error(`unexpected primesieve output: ${out}`);
    times.push(Number(seconds[1]) * 1000);
  }
  return median(times);
}

/** Builds bench/primesieve-n-primes.c against the runtime library, or undefined. */
function buildNPrimesReference(): string | undefined {
  if (!existsSync(LIBRARY)) return undefined;
  const binary = join(mkdtempSync(join(tmpdir(), 'sieve-bench-')), 'primesieve-n-primes');
  try {
    execFileSync('gcc', ['-O2', '-o', binary, join(__dirname, 'primesieve-n-primes.c'), LIBRARY]);
    return binary;
  } catch {
    return undefined;
  }
}

function firstPrimes(n: number): Float64Array {
  const primes = new Float64Array(n);
  let filled = 0;
  for (const segment of primeSegments(0, nthPrimeUpperBound(n) + 1)) {
    const take = Math.min(segment.length, n - filled);
    primes.set(take === segment.length ? segment : segment.subarray(0, take), filled);
    filled += take;
    if (filled === n) break;
  }
  return primes;
}

const PI_1E9 = 50_847_534;
const PI_1E10 = 455_052_511;
const P_1E7 = 179_424_673;

export const sieveBench: BenchSuite = {
  name: 'sieve',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const primesieve = hasPrimesieve();
    const referenceName = primesieve ? 'primesieve, 1 thread' : 'bench/plain-sieve.ts';
    const check = (actual: number, expected: number) => {
      if (actual !== expected) throw new Error(`wrong result ${actual}, expected ${expected}`);
    };

    for (const [label, stop, expected, runs] of [
      ['count primes < 1e9', 1e9, PI_1E9, 7],
      ['count primes < 1e10', 1e10, PI_1E10, 3],
    ] as const) {
      const ours = await measure(label, () => check(countSievedPrimes(0, stop), expected), {
        runs,
        noWarmUp: stop > 1e9,
      });
      const reference = primesieve
        ? primesieveCount(stop, expected, runs)
        : await measure(label, () => check(plainCountPrimes(stop), expected), {
            runs: 1,
            noWarmUp: true,
          });
      rows.push({ figure: label, ours, reference, referenceName });
    }

    const n = 10_000_000;
    const ours = await measure('first 1e7 primes', () => check(firstPrimes(n)[n - 1], P_1E7), {
      runs: 7,
    });
    const binary = buildNPrimesReference();
    if (binary !== undefined) {
      const [ms, last] = execFileSync(binary, [String(n), '7'], { encoding: 'utf8' }).split(' ');
      check(Number(last), P_1E7);
      rows.push({
        figure: 'first 1e7 primes into a typed array',
        ours,
        reference: Number(ms),
        referenceName: 'libprimesieve generate_n_primes, 1 thread',
      });
    } else {
      const reference = await measure('plain', () => plainCountPrimes(P_1E7 + 1), { runs: 3 });
      rows.push({
        figure: 'first 1e7 primes into a typed array',
        ours,
        reference,
        referenceName: 'bench/plain-sieve.ts (count only)',
      });
    }
    return rows;
  },
};
