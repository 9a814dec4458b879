/**
 * End to end (issue 3, goal 3): `primes extend --max 1000000000` on an empty store, run as the
 * CLI runs (`node --import tsx src/composition/cli-main.ts`, LOG_LEVEL=warn) in a child process
 * whose wall time and peak RSS are measured. Goals: it finishes (50,847,534 primes), peak RSS
 * under 256 MB, wall time at most 4x the bare sieve over the same range, measured in this run,
 * and at most 2x `primesieve 1e9 --threads=1 -p > /dev/null` where primesieve is installed.
 * - embedded: the development root with no DYNAMODB_ENDPOINT, so dynalite (and its LevelDB)
 *   runs inside the extender's process, as `npm run primes -- extend` runs on a laptop;
 * - separate engine: the same command against dynalite in another process (DYNAMODB_ENDPOINT),
 *   the Lambda-like figure: no engine in the extender's process.
 * Then, on the embedded run's 1e9 store, extending by a few primes: one chunk read, at most
 * two chunk writes. Slow (about 15 s a run), hence few runs; `npm run bench -- --skip e2e`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDbPrimeRepository } from '../src/adapters/dynamodb/dynamodb-prime-repository';
import { InMemoryPrimeRepository } from '../src/adapters/memory/in-memory-prime-repository';
import { makeLocalDynamoDbClients } from '../src/composition/engines/dynamodb-clients';
import { startEmbeddedDynalite } from '../src/composition/engines/embedded-dynalite';
import { systemClock } from '../src/composition/system-clock';
import { countSievedPrimes, primeSegments } from '../src/domain/sieve/segmented-sieve';
import { ExtendPrimes } from '../src/domain/use-cases/extend-primes';
import { logCommandCosts } from './command-costs';
import { startDynaliteProcess } from './dynalite-process';
import { measure, median, type BenchRow, type BenchSuite } from './harness';
import { runMeasuredChild, type ChildMeasurement } from './measured-child';
import { smallExtensionRows } from './small-extension';

const MAX = 1_000_000_000;
const PI_1E9 = 50_847_534;
const RUNS = 3;
const ROOT = join(__dirname, '..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/composition/cli-main.ts')];

export const e2eBench: BenchSuite = {
  name: 'e2e',
  async run(): Promise<BenchRow[]> {
    const folder = mkdtempSync(join(tmpdir(), 'e2e-bench-'));
    try {
      const sieve = await sieveReferences();
      const printing = await primesievePrinting();
      const startUp = await cliStartUp(folder);
      const embedded = await embeddedRuns(folder);
      const separate = await separateEngineRuns(folder);
      const inMemory = await inMemoryExtension();
      const rows: BenchRow[] = [
        ...extensionRows('embedded dynalite', embedded, sieve, startUp),
        ...printingRows('embedded dynalite', embedded, printing),
        ...printingRows('dynalite in another process', separate.runs, printing),
        ...extensionRows('dynalite in another process', separate.runs, sieve, startUp),
        {
          figure: 'that dynalite process: peak RSS',
          ours: round(separate.enginePeakRssMb),
          unit: 'MB',
        },
        {
          figure: 'ExtendPrimes to 1e9 in this process over the in-memory repository',
          ours: inMemory,
          reference: sieve.segments,
          referenceName: 'primeSegments(0, 1e9), all primes as Float64Arrays',
        },
        {
          figure: 'CLI start-up and exit (`primes store` on an empty store)',
          ours: startUp.wallMs,
          unit: 'ms',
        },
      ];
      rows.push(...(await smallExtensionOn(join(folder, 'embedded-last', 'dynalite'))));
      return rows;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

const PRIMESIEVE = '/usr/bin/primesieve';

/**
 * `primesieve 1e9 --threads=1 -p > /dev/null`: every prime generated and written out as text,
 * the nearest outside equal of storing them. The median of RUNS, or undefined without it.
 */
async function primesievePrinting(): Promise<number | undefined> {
  if (!existsSync(PRIMESIEVE)) return undefined;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runMeasuredChild(
      '/bin/sh',
      ['-c', `${PRIMESIEVE} ${MAX} --threads=1 -p > /dev/null`],
      process.env,
    );
    runs.push(run.wallMs);
  }
  return median(runs);
}

function printingRows(
  engine: string,
  runs: readonly ChildMeasurement[],
  printing: number | undefined,
): BenchRow[] {
  if (printing === undefined) return [];
  return [
    {
      figure: `extend an empty store to 1e9 (CLI process, ${engine}): wall`,
      ours: median(runs.map((run) => run.wallMs)),
      reference: printing,
      referenceName: '`primesieve 1e9 --threads=1 -p > /dev/null`',
      goal: '<= 2x',
    },
  ];
}

interface SieveReferences {
  /** countSievedPrimes(0, 1e9): the sieve alone, counting. */
  readonly count: number;
  /** primeSegments(0, 1e9) iterated: the sieve plus turning its bits into the primes. */
  readonly segments: number;
}

async function sieveReferences(): Promise<SieveReferences> {
  const count = await measure('countSievedPrimes 1e9', () => countSievedPrimes(0, MAX), {
    runs: RUNS,
  });
  const segments = await measure(
    'primeSegments 1e9',
    () => {
      let primes = 0;
      for (const segment of primeSegments(0, MAX)) primes += segment.length;
      if (primes !== PI_1E9) throw new Error(`primeSegments gave ${primes} primes`);
    },
    { runs: RUNS },
  );
  return { count, segments };
}

/** Variables of ours (or a caller's) that would change what the child runs. */
const INHERITED_NOT = new Set(['DYNAMODB_ENDPOINT', 'PRIMES_TABLE', 'NODE_OPTIONS']);

function cliEnvironment(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !INHERITED_NOT.has(name));
  return {
    ...Object.fromEntries(inherited),
    LOG_LEVEL: 'warn',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...overrides,
  };
}

async function extendTo1e9(env: NodeJS.ProcessEnv): Promise<ChildMeasurement> {
  const run = await runMeasuredChild(
    process.execPath,
    [...CLI, 'extend', '--max', String(MAX)],
    cliEnvironment(env),
  );
  const outcome = JSON.parse(run.stdout) as { complete: boolean; count: number };
  if (!outcome.complete || outcome.count !== PI_1E9) throw new Error(`extend gave ${run.stdout}`);
  return run;
}

/** Fixed cost of every CLI run: Node, tsx compiling the sources, the engine, the table. */
async function cliStartUp(folder: string): Promise<ChildMeasurement> {
  const runs: ChildMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(folder, `start-up-${i}`);
    runs.push(
      await runMeasuredChild(
        process.execPath,
        [...CLI, 'store'],
        cliEnvironment({ PRIMES_DATA_DIR: dataDir }),
      ),
    );
  }
  return medianRun(runs);
}

/** Each run on a fresh data folder; the last one's folder is kept as embedded-last. */
async function embeddedRuns(folder: string): Promise<ChildMeasurement[]> {
  const runs: ChildMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(folder, i === RUNS - 1 ? 'embedded-last' : `embedded-${i}`);
    runs.push(await extendTo1e9({ PRIMES_DATA_DIR: dataDir }));
    if (i < RUNS - 1) rmSync(dataDir, { recursive: true, force: true });
  }
  return runs;
}

async function separateEngineRuns(
  folder: string,
): Promise<{ runs: ChildMeasurement[]; enginePeakRssMb: number }> {
  const engine = await startDynaliteProcess(join(folder, 'separate-engine'));
  try {
    const runs: ChildMeasurement[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        await extendTo1e9({
          DYNAMODB_ENDPOINT: engine.endpoint,
          PRIMES_TABLE: `primes-e2e-${i}`,
          PRIMES_DATA_DIR: join(folder, 'unused'),
        }),
      );
    }
    return { runs, enginePeakRssMb: engine.peakRssMb() };
  } finally {
    await engine.close();
  }
}

/** The use case's own cost beside the sieve: batching, the codec check, copying into chunks. */
async function inMemoryExtension(): Promise<number> {
  return measure(
    'ExtendPrimes in memory',
    async () => {
      const outcome = await new ExtendPrimes(new InMemoryPrimeRepository(), systemClock).execute({
        upTo: MAX,
      });
      if (outcome.reach.count !== PI_1E9) throw new Error(`stored ${outcome.reach.count}`);
    },
    { runs: 1, noWarmUp: true },
  );
}

function extensionRows(
  engine: string,
  runs: readonly ChildMeasurement[],
  sieve: SieveReferences,
  startUp: ChildMeasurement,
): BenchRow[] {
  const wall = median(runs.map((run) => run.wallMs));
  const figure = `extend an empty store to 1e9 (CLI process, ${engine}, ${runs.length} runs)`;
  return [
    {
      figure: `${figure}: wall`,
      ours: wall,
      reference: sieve.segments,
      referenceName: 'primeSegments(0, 1e9) in this process',
      goal: '<= 4x',
    },
    {
      figure: `${figure}: wall`,
      ours: wall,
      reference: sieve.count,
      referenceName: 'countSievedPrimes(0, 1e9) in this process',
    },
    {
      figure: `${figure}: peak RSS, highest run`,
      ours: round(Math.max(...runs.map((run) => run.peakRssMb))),
      reference: round(startUp.peakRssMb),
      referenceName: 'the same CLI running `primes store` on an empty store',
      unit: 'MB',
      goal: '< 256 MB',
    },
  ];
}

/** Opens the 1e9 store the embedded runs left (no process holds it now) and adds a few primes. */
async function smallExtensionOn(dynalitePath: string): Promise<BenchRow[]> {
  const engine = await startEmbeddedDynalite({ path: dynalitePath });
  const clients = makeLocalDynamoDbClients(engine.endpoint);
  try {
    const costs = logCommandCosts(clients.client);
    const repository = new DynamoDbPrimeRepository(clients.documentClient, 'primes');
    return await smallExtensionRows(repository, costs, 'the 1e9 store (776 chunks)');
  } finally {
    clients.destroy();
    await engine.close();
  }
}

function medianRun(runs: readonly ChildMeasurement[]): ChildMeasurement {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[sorted.length >> 1];
}

function round(megabytes: number): number {
  return Math.round(megabytes);
}
