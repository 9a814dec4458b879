import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildLambdaBundle, DEFAULT_LAMBDA_OUT_DIR, describeBundle } from '../scripts/build-lambda';

/**
 * The Lambda bundle's cold start, as far as our code decides it: a fresh `node` process loads
 * the bundle, which builds the production container at module scope, and the time from
 * `require` to its return is the init our code adds to every cold start. The child also records
 * every socket connection and DNS lookup tried during init and for a moment after: there must
 * be none (credentials and the table are only touched at the first request).
 */
export interface ColdStartOptions {
  /** The bundle's index.js; default dist/lambda/index.js. */
  readonly bundleFile?: string;
  /** Fresh processes to start; default 7. */
  readonly runs?: number;
  /** Run with --enable-source-maps, as the deployed function does. */
  readonly enableSourceMaps?: boolean;
}

export interface ColdStartRun {
  /** require() of the bundle: module evaluation plus the container build. */
  readonly initMs: number;
  /** From the process's start to the end of init (Node's own bootstrap included). */
  readonly sinceProcessStartMs: number;
  /** Connections and lookups tried by init; must be empty. */
  readonly networkAttempts: readonly string[];
  readonly exportsHandler: boolean;
}

export interface ColdStartReport {
  readonly bundleFile: string;
  readonly enableSourceMaps: boolean;
  readonly runs: readonly ColdStartRun[];
  readonly medianInitMs: number;
  readonly medianSinceProcessStartMs: number;
  readonly networkAttempts: readonly string[];
}

// Run by the child with the bundle's path as argv[1]; prints one JSON line.
const CHILD = `
const { performance } = require('node:perf_hooks');
const net = require('node:net');
const dns = require('node:dns');
const attempts = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() hands over its arguments normalized into an array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = first && typeof first === 'object'
    ? (first.path || (first.host || 'localhost') + ':' + first.port)
    : args.slice(0, 2).join(':');
  attempts.push('connect ' + target);
  return connect.apply(this, args);
};
for (const [name, api] of [['lookup', dns], ['promises.lookup', dns.promises]]) {
  const original = api.lookup;
  api.lookup = function (host, ...rest) {
    attempts.push(name + ' ' + host);
    return original.call(this, host, ...rest);
  };
}
const start = performance.now();
const bundle = require(process.argv[1]);
const end = performance.now();
// Anything init started asynchronously has had its chance to connect by now.
setTimeout(() => {
  process.stdout.write(JSON.stringify({
    initMs: end - start,
    sinceProcessStartMs: end,
    networkAttempts: attempts,
    exportsHandler: typeof bundle.handler === 'function',
  }) + '\\n');
  process.exit(0);
}, 100);
`;

/**
 * What the Lambda runtime would give the function, with fake credentials (never used at init),
 * plus `overrides` (e.g. AWS_ENDPOINT_URL_DYNAMODB to point the bundle at a local engine).
 */
export function lambdaLikeEnvironment(
  enableSourceMaps = false,
  overrides: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    PRIMES_TABLE: 'primes-cold-start',
    LOG_LEVEL: 'silent',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDCOLDSTART',
    AWS_SECRET_ACCESS_KEY: 'cold-start-secret',
    AWS_SESSION_TOKEN: 'cold-start-token',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Lambda runs Node 22, where the SDK has nothing to warn about.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(enableSourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    ...overrides,
  };
}

export function measureColdStart(options: ColdStartOptions = {}): ColdStartReport {
  const bundleFile = path.resolve(
    options.bundleFile ?? path.join(DEFAULT_LAMBDA_OUT_DIR, 'index.js'),
  );
  const enableSourceMaps = options.enableSourceMaps ?? false;
  const runs: ColdStartRun[] = [];
  for (let i = 0; i < (options.runs ?? 7); i++) {
    const child = spawnSync(process.execPath, ['-e', CHILD, bundleFile], {
      env: lambdaLikeEnvironment(enableSourceMaps),
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (child.status !== 0) {
      throw new Error(
        `loading ${bundleFile} failed (exit ${child.status}): ${child.stderr || child.error}`,
      );
    }
    runs.push(JSON.parse(child.stdout) as ColdStartRun);
  }
  return {
    bundleFile,
    enableSourceMaps,
    runs,
    medianInitMs: median(runs.map((run) => run.initMs)),
    medianSinceProcessStartMs: median(runs.map((run) => run.sinceProcessStartMs)),
    networkAttempts: [...new Set(runs.flatMap((run) => run.networkAttempts))],
  };
}

export function describeColdStart(report: ColdStartReport): string {
  const mode = report.enableSourceMaps ? 'with --enable-source-maps' : 'without source maps';
  const inits = report.runs.map((run) => run.initMs.toFixed(0)).join(', ');
  return (
    `cold start ${mode}: init (import + container) median ${report.medianInitMs.toFixed(1)} ms ` +
    `over ${report.runs.length} fresh processes [${inits}]; ` +
    `${report.medianSinceProcessStartMs.toFixed(1)} ms from process start; ` +
    `network attempts during init: ${report.networkAttempts.length === 0 ? 'none' : report.networkAttempts.join(', ')}`
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const bundleFile = path.join(DEFAULT_LAMBDA_OUT_DIR, 'index.js');
  if (process.argv.includes('--build') || !existsSync(bundleFile)) {
    process.stdout.write(`${describeBundle(await buildLambdaBundle())}\n`);
  }
  for (const enableSourceMaps of [false, true]) {
    const report = measureColdStart({ bundleFile, enableSourceMaps });
    process.stdout.write(`${describeColdStart(report)}\n`);
    if (report.networkAttempts.length > 0) process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
