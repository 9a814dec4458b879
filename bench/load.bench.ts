/**
 * Load: the local server under 50 connections (autocannon, 10 s a route) over a store of every
 * prime below 1e8 (5,761,455 primes, 88 chunks). The server runs as `npm start` runs it
 * (`primes serve`, here on port 0, its URL read from its first line on stdout), in a child
 * process with its embedded engine, so nothing here knows how it routes or answers.
 * Goal for `/primes?max=100` and `/primes/nth/1000000`: at least 5,000 requests/s, p99 at most
 * 25 ms, no errors. `/health` is the ceiling the same server and load generator reach.
 *
 * The store is built once by `primes extend --max 1e8` into node_modules/.cache (about 3 s)
 * and reused by later runs; delete that folder to build it again.
 *
 * LOAD_BENCH_BASELINE=<folder> names another checkout of this project (with node_modules): its
 * server then runs beside this one over a copy of the store, and each route is loaded on the
 * two in turn, so a before-and-after ratio is measured under the same load of the machine.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchRow, BenchSuite } from './harness';

const ROOT = join(__dirname, '..');
const cliOf = (root: string) => ['--import', 'tsx', join(root, 'src/composition/cli-main.ts')];
const CLI = cliOf(ROOT);
const DATA_DIR = join(ROOT, 'node_modules/.cache/primes-load-bench-1e8');
const BASELINE_DATA_DIR = `${DATA_DIR}-baseline`;
const STORE_MAX = 100_000_000;
const CONNECTIONS = 50;
const DURATION_S = 10;

interface Route {
  readonly path: string;
  readonly goal?: string;
  /** What a good answer's body must contain: a wrong answer at speed is no figure. */
  readonly expect: string;
}

const GOAL = '>= 5,000/s, p99 <= 25 ms';
const ROUTES: readonly Route[] = [
  { path: '/health', expect: '' },
  { path: '/primes?max=100', goal: GOAL, expect: '97],"next":null' },
  { path: '/primes/nth/1000000', goal: GOAL, expect: '"prime":15485863' },
  // About 11,300 primes in the range: a full default page of 10,000 and a next cursor.
  { path: '/primes?from=50000000&to=50200000', expect: '"next":"' },
  { path: '/is-prime/99999989', expect: '"isPrime":true' },
];

/** The part of autocannon's result this bench reads (the package ships no types). */
interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

export const loadBench: BenchSuite = {
  name: 'load',
  async run(): Promise<BenchRow[]> {
    const buildMs = await ensureStore();
    const baselineRoot = process.env.LOAD_BENCH_BASELINE;
    if (baselineRoot !== undefined && !existsSync(BASELINE_DATA_DIR)) {
      cpSync(DATA_DIR, BASELINE_DATA_DIR, { recursive: true });
    }
    const server = await startServer(ROOT, DATA_DIR);
    const baseline =
      baselineRoot === undefined ? undefined : await startServer(baselineRoot, BASELINE_DATA_DIR);
    try {
      const rows: BenchRow[] = [
        {
          figure: `store of the primes below 1e8 (built ${buildMs === 0 ? 'earlier, reused' : 'now'})`,
          ours: buildMs,
        },
      ];
      let ceiling = 0;
      for (const route of ROUTES) {
        await checkAnswer(server.url, route);
        const result = await load(server.url + route.path);
        const before = baseline && (await load(baseline.url + route.path));
        const errors = errorsOf(result);
        if (route.path === '/health') ceiling = result.requests.average;
        const name = `GET ${route.path}, ${CONNECTIONS} connections`;
        const against = (ours: number, theirs: number | undefined, referenceName: string) =>
          theirs === undefined ? { ours } : { ours, reference: theirs, referenceName };
        rows.push(
          {
            figure: `${name}: requests/s`,
            ...(before
              ? against(result.requests.average, before.requests.average, 'the baseline server')
              : against(result.requests.average, ceiling, 'GET /health on the same server')),
            unit: '/s',
            goal: route.goal,
          },
          {
            figure: `${name}: p50 latency`,
            ...against(result.latency.p50, before?.latency.p50, 'the baseline server'),
          },
          {
            figure: `${name}: p99 latency`,
            ...against(result.latency.p99, before?.latency.p99, 'the baseline server'),
            goal: route.goal && '<= 25',
          },
          {
            figure: `${name}: errors, timeouts, non-2xx`,
            ...against(errors, before && errorsOf(before), 'the baseline server'),
            unit: '',
            goal: '0',
          },
        );
      }
      return rows;
    } finally {
      await server.stop();
      await baseline?.stop();
    }
  },
};

function load(url: string): Promise<AutocannonResult> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
}

function errorsOf(result: AutocannonResult): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** Builds the 1e8 store unless an earlier run left it; the build's wall time, or 0. */
async function ensureStore(): Promise<number> {
  const marker = join(DATA_DIR, 'dynalite');
  if (existsSync(marker)) return 0;
  mkdirSync(DATA_DIR, { recursive: true });
  const start = performance.now();
  const child = spawn(process.execPath, [...CLI, 'extend', '--max', String(STORE_MAX)], {
    env: serverEnvironment(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`primes extend --max ${STORE_MAX} exited with ${code}`);
  return performance.now() - start;
}

function serverEnvironment(dataDir = DATA_DIR): NodeJS.ProcessEnv {
  // The server opens its own embedded store, whatever engine the caller's shell points at.
  const inherited = Object.entries(process.env).filter(
    ([name]) => name !== 'DYNAMODB_ENDPOINT' && name !== 'PRIMES_TABLE',
  );
  return {
    ...Object.fromEntries(inherited),
    PRIMES_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function startServer(root: string, dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [...cliOf(root), 'serve', '--port', '0'], {
    env: serverEnvironment(dataDir),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function checkAnswer(url: string, route: Route): Promise<void> {
  const response = await fetch(url + route.path);
  const body = await response.text();
  if (!response.ok || !body.includes(route.expect)) {
    throw new Error(`GET ${route.path} answered ${response.status} ${body.slice(0, 200)}`);
  }
}
