import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { createPrimesApp } from '../src/adapters/http-api/primes-app';
import { InMemoryPrimeRepository } from '../src/adapters/memory/in-memory-prime-repository';
import { createServiceContainer } from '../src/composition/service-container';
import { PRIME_USE_CASES } from '../src/composition/tokens';
import { DEFAULT_PRIME_LIMITS } from '../src/domain/values/prime-limits';
import type { PrimeUseCases } from '../src/domain/use-cases/prime-use-cases';
import { buildLambdaBundle, describeBundle } from '../scripts/build-lambda';
import { spawnSync } from 'node:child_process';
import { describeColdStart, lambdaLikeEnvironment, measureColdStart } from './cold-start';

/**
 * The HTTP API's figures, side by side in one run (the machine is shared and noisy):
 *
 *   npx tsx bench/http-api-figures.ts [--before dist-of-another-build/index.js]
 *
 * - the Lambda bundle's size and init, against another build's bundle when one is given
 *   (fresh processes, alternated so that both see the same load);
 * - a page of 100,000 primes (and the largest page allowed) through the app, plain and gzip:
 *   bytes and time per answer, median of 15.
 */
// Init measured as CPU time as well as wall time: on a shared machine under load the wall time
// mostly measures the wait for a core, while the CPU time is what the init itself costs.
const INIT_CHILD = `
const { performance } = require('node:perf_hooks');
const cpu = process.cpuUsage();
const start = performance.now();
require(process.argv[1]);
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
process.exit(0);
`;

function initOf(bundleFile: string, enableSourceMaps: boolean): { wall: number; cpu: number } {
  const child = spawnSync(process.execPath, ['-e', INIT_CHILD, bundleFile], {
    env: lambdaLikeEnvironment(enableSourceMaps),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`loading ${bundleFile} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { wall: number; cpu: number };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const RUNS = 15;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function pageFigures(limit: number, useCases: PrimeUseCases): Promise<string> {
  const app = createPrimesApp(useCases, { logger: silent, docsAssetsDir: tmpdir() });
  const target = `http://bench/primes?count=${limit}&limit=${limit}`;
  const answer = async (encoding: string | undefined) => {
    const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
    const started = performance.now();
    const response = await app.fetch(new Request(target, { headers }), {
      deadline: Date.now() + 600_000,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      ms: performance.now() - started,
      bytes,
      coding: response.headers.get('content-encoding'),
    };
  };
  await answer(undefined); // the store is filled once, outside the timing
  const plain: number[] = [];
  const gzip: number[] = [];
  let plainBytes = 0;
  let gzipBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const p = await answer(undefined);
    const g = await answer('gzip');
    if (g.coding !== 'gzip' || !gunzipSync(g.bytes).equals(p.bytes))
      throw new Error('gzip differs');
    plain.push(p.ms);
    gzip.push(g.ms);
    plainBytes = p.bytes.length;
    gzipBytes = g.bytes.length;
  }
  const base64 = Math.ceil(gzipBytes / 3) * 4;
  return (
    `page of ${limit} primes: plain ${plainBytes} bytes in ${median(plain).toFixed(1)} ms, ` +
    `gzip ${gzipBytes} bytes (${base64} as Lambda's base64) in ${median(gzip).toFixed(1)} ms ` +
    `(${(plainBytes / gzipBytes).toFixed(2)}x smaller, ${(median(gzip) / median(plain)).toFixed(2)}x the time)`
  );
}

async function main(): Promise<void> {
  const beforeIndex = process.argv.indexOf('--before');
  const before = beforeIndex > 0 ? process.argv[beforeIndex + 1] : undefined;
  const bundle = await buildLambdaBundle({
    outDir: path.join(mkdtempSync(path.join(tmpdir(), 'primes-api-')), 'lambda'),
  });
  process.stdout.write(`${describeBundle(bundle)}\n`);
  for (const enableSourceMaps of [false, true]) {
    const after: Array<{ wall: number; cpu: number }> = [];
    const earlier: Array<{ wall: number; cpu: number }> = [];
    for (let i = 0; i < 15; i++) {
      after.push(initOf(bundle.file, enableSourceMaps));
      if (before) earlier.push(initOf(before, enableSourceMaps));
    }
    const mode = enableSourceMaps ? 'with --enable-source-maps' : 'without source maps';
    const figures = (runs: Array<{ wall: number; cpu: number }>) =>
      `CPU ${median(runs.map((run) => run.cpu)).toFixed(1)} ms, ` +
      `wall ${median(runs.map((run) => run.wall)).toFixed(1)} ms`;
    const ratio = (key: 'wall' | 'cpu') =>
      (median(after.map((run) => run[key])) / median(earlier.map((run) => run[key]))).toFixed(2);
    const other = before
      ? `; the other build ${figures(earlier)} (CPU ${ratio('cpu')}x, wall ${ratio('wall')}x)`
      : '';
    process.stdout.write(
      `init ${mode}, median of 15 alternated: this build ${figures(after)}${other}\n`,
    );
  }
  process.stdout.write(
    `${describeColdStart(measureColdStart({ bundleFile: bundle.file, runs: 3 }))}\n`,
  );

  const container = createServiceContainer({
    logger: silent,
    limits: { ...DEFAULT_PRIME_LIMITS, maxPageSize: 1_000_000 },
    repository: new InMemoryPrimeRepository(),
  });
  const useCases = container.get<PrimeUseCases>(PRIME_USE_CASES);
  for (const limit of [100_000, 500_000])
    process.stdout.write(`${await pageFigures(limit, useCases)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
