/**
 * Window figures, each side by side with primesieve (one thread) in the same run, in turn:
 * - count the primes of [1e18, 1e18 + 1e9] (the goal: within 3x of primesieve);
 * - count the primes of [2^64 - 1e9, 2^64 - 1] (every base prime below 2^32);
 * - list the first 10,000 primes from 1e19 (the reference counts the same span).
 * Both sides run as child processes, so that each figure comes with its own peak RSS; the
 * times are each side's own figure for the sieve (ours timed around the call, primesieve's
 * `--time`), leaving out process start-up. Run as a child, this file sieves one window:
 * `tsx bench/window.bench.ts count FROM TO` or `... list FROM LIMIT`.
 */
import { execFileSync } from 'node:child_process';
import { countPrimesInWindow, primesInWindow } from '../src/domain/sieve/prime-window';
import type { BenchRow, BenchSuite } from './harness';
import { runMeasuredChild } from './measured-child';

const TOP = 2n ** 64n - 1n;

interface Side {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly result: string;
}

async function ours(args: readonly string[]): Promise<Side> {
  const child = await runMeasuredChild(
    process.execPath,
    ['--import', 'tsx', __filename, ...args],
    process.env,
  );
  const [result, ms] = child.stdout.trim().split(' ');
  return { ms: Number(ms), peakRssMb: child.peakRssMb, result };
}

async function primesieve(from: bigint, to: bigint): Promise<Side> {
  const child = await runMeasuredChild(
    'primesieve',
    [String(from), String(to), '-c', '--threads=1', '-q', '--time'],
    process.env,
  );
  const seconds = /Seconds:\s*([\d.]+)/.exec(child.stdout);
  const count = child.stdout.trim().split(/\s+/).pop();
  if (!seconds || count === undefined) {
    throw new Error(`unexpected primesieve output: ${child.stdout}`);
  }
  return { ms: Number(seconds[1]) * 1000, peakRssMb: child.peakRssMb, result: count };
}

function rows(figure: string, our: Side, reference: Side, goal?: string): BenchRow[] {
  return [
    { figure, ours: our.ms, reference: reference.ms, referenceName: 'primesieve, 1 thread', goal },
    {
      figure: `${figure}: peak RSS`,
      ours: our.peakRssMb,
      reference: reference.peakRssMb,
      referenceName: 'primesieve, 1 thread',
      unit: 'MB',
      goal: goal === undefined ? undefined : '< 256 MB',
    },
  ];
}

function check(our: Side, reference: Side): void {
  if (our.result !== reference.result) {
    throw new Error(`window count ${our.result}, primesieve counts ${reference.result}`);
  }
}

export const windowBench: BenchSuite = {
  name: 'window',
  async run(): Promise<BenchRow[]> {
    execFileSync('primesieve', ['--version'], { stdio: 'ignore' });
    const out: BenchRow[] = [];
    for (const [figure, from, to, goal] of [
      ['count [1e18, 1e18 + 1e9]', 10n ** 18n, 10n ** 18n + 10n ** 9n, '3x'],
      ['count [2^64 - 1e9, 2^64 - 1]', TOP - 10n ** 9n, TOP, undefined],
    ] as const) {
      const our = await ours(['count', String(from), String(to)]);
      const reference = await primesieve(from, to);
      check(our, reference);
      out.push(...rows(figure, our, reference, goal));
    }
    const from = 10n ** 19n;
    const our = await ours(['list', String(from), '10000']);
    const [count, last] = our.result.split(',');
    if (count !== '10000') throw new Error(`listed ${count} primes, not 10000`);
    const reference = await primesieve(from, BigInt(last));
    if (reference.result !== '10000') throw new Error(`primesieve counts ${reference.result}`);
    out.push(...rows('list 10,000 primes from 1e19', our, reference));
    return out;
  },
};

/** The child: sieves one window and prints "result milliseconds". */
function child(args: readonly string[]): void {
  const [mode, from, third] = args;
  const start = performance.now();
  if (mode === 'count') {
    const count = countPrimesInWindow(BigInt(from), BigInt(third));
    console.log(`${count} ${performance.now() - start}`);
  } else {
    const primes = primesInWindow(BigInt(from), TOP, Number(third));
    const ms = performance.now() - start;
    console.log(`${primes.length},${primes[primes.length - 1]} ${ms}`);
  }
}

if (require.main === module) child(process.argv.slice(2));
