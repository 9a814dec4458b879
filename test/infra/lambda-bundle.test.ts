import type { Metafile } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { lambdaLikeEnvironment, measureColdStart } from '../../bench/cold-start';
import { PRIME_STORE_ACTIONS } from '../../infra/primes-service-stack';
import {
  buildLambdaBundle,
  forbiddenInputs,
  ForbiddenBundleInputError,
  type LambdaBundle,
} from '../../scripts/build-lambda';
import { createPrimesTable } from '../../src/adapters/dynamodb/create-primes-table';
import { WorkerThreadPrimeComputations } from '../../src/adapters/worker-thread/worker-thread-prime-computations';
import { makeLocalDynamoDbClients } from '../../src/composition/engines/dynamodb-clients';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../src/composition/engines/embedded-dynalite';
import { httpApiEvent } from '../adapters/lambda/lambda-events';
import { firstPrimes, primesBetween } from '../support/reference-primes';

const ROOT = path.resolve(__dirname, '../..');
/** Room to grow; today's bundle is about 1 MB, zod alone 440 KB of it. */
const BUNDLE_BUDGET_BYTES = 1_500_000;

// Invokes the bundle's handler in a fresh process with the events of argv[2]; prints the answers.
const INVOKE = `
const { handler } = require(process.argv[1]);
const context = { getRemainingTimeInMillis: () => 20000 };
(async () => {
  const answers = [];
  for (const event of JSON.parse(process.argv[2])) answers.push(await handler(event, context));
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });
`;

/** A pass-through in front of `target` that records the DynamoDB operation of every request. */
async function recordingProxy(
  target: string,
): Promise<{ server: Server; url: string; operations: string[] }> {
  const upstream = new URL(target);
  const operations: string[] = [];
  const server = createServer((incoming, outgoing) => {
    operations.push(String(incoming.headers['x-amz-target']).replace(/^DynamoDB_\d+\./, ''));
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, operations };
}

describe('the Lambda bundle', () => {
  let workDir: string;
  let bundle: LambdaBundle;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'primes-bundle-'));
    bundle = await buildLambdaBundle({ outDir: path.join(workDir, 'lambda') });
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('is one minified CommonJS file with a source map, within its size budget', () => {
    expect(bundle.bytes).toBeLessThan(BUNDLE_BUDGET_BYTES);
    const code = readFileSync(bundle.file, 'utf8');
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
    // Minified: long lines (the few short ones are inside template literals).
    expect(code.length / code.split('\n').length).toBeGreaterThan(1_000);
    expect(bundle.sourceMapBytes).toBeGreaterThan(0);
  });

  it('holds the SDK it was tested with and no development, test or native module', () => {
    const metafile = JSON.parse(
      readFileSync(path.join(bundle.outDir, 'meta.json'), 'utf8'),
    ) as Metafile;
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(
      true,
    );
    expect(inputs.filter((input) => /dynalite|testcontainers|classic-level/.test(input))).toEqual(
      [],
    );
    expect(forbiddenInputs(metafile)).toEqual([]);
  });

  it('carries the computation worker beside index.js, and it computes in a worker thread', async () => {
    expect(path.dirname(bundle.workerFile)).toBe(path.dirname(bundle.file));
    expect(path.basename(bundle.workerFile)).toBe('computation-worker-entry.js');
    const computations = new WorkerThreadPrimeComputations({ entry: bundle.workerFile });
    try {
      // Known values: pi(1e6) = 78,498; the largest prime below 2^64 is 2^64 - 59.
      expect(await computations.primePi(1_000_000n)).toBe(78_498n);
      expect(await computations.previousPrime(2n ** 64n - 1n)).toBe(2n ** 64n - 59n);
      expect(await computations.nextPrime(2n ** 64n - 59n)).toBeUndefined();
    } finally {
      await computations.close();
    }
  });

  it('cannot be built from a root that imports dynalite: the metafile check fails the build', async () => {
    const outDir = path.join(workDir, 'development');
    const error = await buildLambdaBundle({
      outDir,
      entry: path.join(ROOT, 'src/composition/development.ts'),
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ForbiddenBundleInputError);
    const offenders = (error as ForbiddenBundleInputError).offenders.join('\n');
    expect(offenders).toMatch(/^dynalite /m);
    expect(offenders).toMatch(/^classic-level /m);
  });

  it('carries the files of the reference page beside index.js', () => {
    const copied = readFileSync(path.join(bundle.outDir, 'swagger-ui', 'swagger-ui-bundle.js'));
    const installed = readFileSync(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'));
    expect(copied.equals(installed)).toBe(true);
    const meta = JSON.parse(
      readFileSync(path.join(bundle.outDir, 'meta.json'), 'utf8'),
    ) as Metafile;
    expect(Object.keys(meta.inputs).filter((input) => input.includes('swagger-ui-dist'))).toEqual(
      [],
    );
  });

  it('loads in a fresh node process without touching the network', () => {
    const report = measureColdStart({ bundleFile: bundle.file, runs: 1 });
    expect(report.runs[0].exportsHandler).toBe(true);
    expect(report.networkAttempts).toEqual([]);
  });

  describe('run against a local DynamoDB-compatible engine', () => {
    let engine: DynamoDbEngine;
    let proxy: Awaited<ReturnType<typeof recordingProxy>>;
    const tableName = 'primes-bundle-smoke';

    beforeAll(async () => {
      engine = await startEmbeddedDynalite();
      const admin = makeLocalDynamoDbClients(engine.endpoint);
      await createPrimesTable(admin.client, tableName);
      admin.destroy();
      proxy = await recordingProxy(engine.endpoint);
    });
    afterAll(async () => {
      proxy?.server.closeAllConnections();
      await new Promise((resolve) => proxy?.server.close(resolve));
      await engine?.close();
    });

    it('answers a direct invoke and the HTTP API, with only the actions the role grants', async () => {
      const events = [
        { max: 100 },
        httpApiEvent('GET', '/primes/nth/1000'),
        httpApiEvent('GET', '/store'),
        httpApiEvent('GET', '/primes?max=10000', { headers: { 'accept-encoding': 'gzip' } }),
        httpApiEvent('GET', '/docs'),
        httpApiEvent('GET', '/docs/swagger-ui-bundle.js'),
        httpApiEvent('GET', '/primes/previous/18446744073709551615'),
        httpApiEvent('GET', '/primes/count?to=1000000'),
      ];
      // Asynchronously: the proxy answering the child lives in this process.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-e', INVOKE, bundle.file, JSON.stringify(events)],
        {
          encoding: 'utf8',
          timeout: 30_000,
          maxBuffer: 32 * 1024 * 1024,
          env: lambdaLikeEnvironment(false, {
            PRIMES_TABLE: tableName,
            // The SDK's service-specific endpoint variable: the bundle itself is unchanged.
            AWS_ENDPOINT_URL_DYNAMODB: proxy.url,
          }),
        },
      );
      interface Answer {
        statusCode: number;
        headers: Record<string, string>;
        body: string;
        isBase64Encoded: boolean;
      }
      const [direct, nth, store, gzipped, page, script, previous, count] = JSON.parse(stdout) as [
        number[],
        ...Answer[],
      ];
      expect(direct).toEqual(Array.from(firstPrimes(25)));
      expect(nth.statusCode).toBe(200);
      expect(JSON.parse(nth.body)).toEqual({ n: 1000, prime: 7919 });
      // The 1000th prime lies past the 25 primes the direct invoke stored: computed, not stored.
      expect(JSON.parse(store.body)).toMatchObject({ engine: 'dynamodb', count: 25 });
      expect(JSON.parse(previous.body)).toEqual({
        n: '18446744073709551615',
        prime: '18446744073709551557',
      });
      expect(JSON.parse(count.body)).toEqual({ from: 0, to: 1_000_000, count: 78_498 });

      // API Gateway passes a base64 body with its Content-Encoding through to the caller.
      expect([gzipped.isBase64Encoded, gzipped.headers['content-encoding']]).toEqual([
        true,
        'gzip',
      ]);
      const unzipped = gunzipSync(Buffer.from(gzipped.body, 'base64')).toString('utf8');
      expect(JSON.parse(unzipped)).toEqual({ primes: primesBetween(0, 10_000), next: null });

      // The reference page and its script come from the bundle's own copy of Swagger UI.
      expect([page.statusCode, page.headers['content-type']]).toEqual([
        200,
        'text/html; charset=utf-8',
      ]);
      expect(page.body).toContain('docs/swagger-ui-bundle.js');
      expect(script.statusCode).toBe(200);
      expect(script.body).toContain('SwaggerUIBundle');

      expect(proxy.operations.length).toBeGreaterThan(0);
      const granted: readonly string[] = PRIME_STORE_ACTIONS;
      expect(proxy.operations.filter((operation) => !granted.includes(operation))).toEqual([]);
    });
  });
});
