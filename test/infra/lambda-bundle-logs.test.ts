import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { lambdaLikeEnvironment } from '../../bench/cold-start';
import { buildLambdaBundle, type LambdaBundle } from '../../scripts/build-lambda';
import { createPrimesTable } from '../../src/adapters/dynamodb/create-primes-table';
import { makeLocalDynamoDbClients } from '../../src/composition/engines/dynamodb-clients';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../src/composition/engines/embedded-dynalite';
import { httpApiEvent } from '../adapters/lambda/lambda-events';

// Invokes the bundle's handler in a fresh process, one request id per event; writes what each
// answered or threw to the file argv[3], so that stdout and stderr hold only the logs.
const INVOKE = `
const { writeFileSync } = require('node:fs');
const { handler } = require(process.argv[1]);
(async () => {
  const answers = [];
  const events = JSON.parse(process.argv[2]);
  for (let i = 0; i < events.length; i++) {
    const context = { awsRequestId: 'request-' + i, getRemainingTimeInMillis: () => 20000 };
    try {
      const answer = await handler(events[i], context);
      answers.push({ statusCode: answer.statusCode, isArray: Array.isArray(answer) });
    } catch (error) {
      answers.push({ threw: error.name });
    }
  }
  writeFileSync(process.argv[3], JSON.stringify(answers));
})().catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });
`;

interface LogLine {
  readonly [field: string]: unknown;
}

function jsonLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

describe("the built bundle's logs", () => {
  let workDir: string;
  let bundle: LambdaBundle;
  let engine: DynamoDbEngine;
  const tableName = 'primes-bundle-logs';

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'primes-bundle-logs-'));
    [bundle, engine] = await Promise.all([
      buildLambdaBundle({ outDir: path.join(workDir, 'lambda') }),
      startEmbeddedDynalite(),
    ]);
    const admin = makeLocalDynamoDbClients(engine.endpoint);
    await createPrimesTable(admin.client, tableName);
    admin.destroy();
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function invoke(table: string, events: readonly unknown[]) {
    const answersFile = path.join(workDir, `answers-${table}.json`);
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-e', INVOKE, bundle.file, JSON.stringify(events), answersFile],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: lambdaLikeEnvironment(false, {
          PRIMES_TABLE: table,
          LOG_LEVEL: 'info',
          AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint,
        }),
      },
    );
    return {
      answers: JSON.parse(readFileSync(answersFile, 'utf8')) as Array<Record<string, unknown>>,
      logs: jsonLines(stderr),
      stdout,
    };
  }

  it('writes one request line per invocation, and every line carries its request id', async () => {
    const events = [
      { max: 100 },
      httpApiEvent('GET', '/primes/nth/1000'),
      httpApiEvent('GET', '/primes?max=abc'),
      { max: -1 },
    ];
    const { answers, logs, stdout } = await invoke(tableName, events);
    expect(answers).toEqual([
      { isArray: true },
      { statusCode: 200, isArray: false },
      { statusCode: 400, isArray: false },
      { threw: 'INVALID_PARAMETER' },
    ]);

    const requestLines = logs.filter((line) => line.msg === 'request');
    expect(requestLines.map((line) => line.awsRequestId)).toEqual([
      'request-0',
      'request-1',
      'request-2',
      'request-3',
    ]);
    expect(
      requestLines.map((line) => [line.route, line.status ?? line.errorCode, line.outcome]),
    ).toEqual([
      ['direct', 200, 'ok'],
      ['GET /primes/nth/1000', 200, 'ok'],
      ['GET /primes', 400, 'rejected'],
      ['direct', 'INVALID_PARAMETER', 'rejected'],
    ]);
    expect(requestLines.map((line) => line.coldStart)).toEqual([true, false, false, false]);
    for (const line of requestLines) {
      expect(typeof line.durationMs).toBe('number');
    }
    // The first request extends an empty store (writes); the n-th prime then reads a chunk.
    expect(requestLines[0].writeUnits).toBeGreaterThan(0);
    expect(requestLines[1].readUnits).toBeGreaterThan(0);
    expect(requestLines[2]).toMatchObject({ readUnits: 0, writeUnits: 0 });

    // The request line is an embedded-metric-format document too: its counts become metrics.
    expect(requestLines[1]).toMatchObject({ Requests: 1, ReadUnits: requestLines[1].readUnits });
    expect(requestLines[1]._aws).toMatchObject({
      CloudWatchMetrics: [
        expect.objectContaining({
          Namespace: 'PrimesService',
          Metrics: expect.arrayContaining([{ Name: 'Requests', Unit: 'Count' }]),
        }),
      ],
    });
    // Nothing on stdout: a direct invoke's caller and the tests read answers, not logs, there.
    expect(stdout).toBe('');
  });

  it('puts the request id on the lines a failing request logs besides its request line', async () => {
    // A table that does not exist: every store call fails, and the service logs the cause.
    const { answers, logs } = await invoke('primes-no-such-table', [
      httpApiEvent('GET', '/primes/nth/10'),
      { max: 100 },
    ]);
    expect(answers.map((answer) => answer.statusCode ?? answer.threw)).toEqual([
      expect.any(Number),
      expect.any(String),
    ]);
    const causes = logs.filter((line) => line.msg !== 'request');
    expect(causes.length).toBeGreaterThanOrEqual(2);
    expect(logs.filter((line) => line.msg === 'request').map((line) => line.outcome)).toEqual([
      'failure',
      'failure',
    ]);
    expect(new Set(logs.map((line) => line.awsRequestId))).toEqual(
      new Set(['request-0', 'request-1']),
    );
    for (const line of logs) expect(line.awsRequestId).toMatch(/^request-[01]$/);
  });
});
