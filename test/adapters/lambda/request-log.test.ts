import type { Context } from 'aws-lambda';
import { gzipSync } from 'node:zlib';
import { DEADLINE_LINES, FAILURE_LINES } from '../../../infra/service-alarms';
import { createEmfRequestMetrics, withRequestLog } from '../../../src/adapters/lambda/request-log';
import { requestLogScope } from '../../../src/composition/create-logger';
import type { Logger } from '../../../src/ports/logger';
import type { CapacityUsage } from '../../../src/ports/prime-repository';
import { httpApiEvent } from './lambda-events';

interface Line {
  readonly level: string;
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

function recordingLogger(lines: Line[]): Logger {
  const record = (level: string) => (fields: object, message: string) =>
    lines.push({ level, fields: { ...fields }, message });
  return {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

function context(awsRequestId: string): Context {
  return { awsRequestId, getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
}

/** Whether a line as pino writes it ({msg, ...fields}) matches a filter of `$.f = "v"` terms. */
function matches(pattern: string, line: Line): boolean {
  const json: Record<string, unknown> = { ...line.fields, msg: line.message };
  const terms = [...pattern.matchAll(/\$\.(\w+) = "([^"]*)"/g)];
  expect(pattern.replace(/\$\.\w+ = "[^"]*"/g, 'T')).toBe('{ T && T }');
  return terms.every(([, field, value]) => json[field] === value);
}

describe('the request log', () => {
  let lines: Line[];
  let consumed: CapacityUsage;

  beforeEach(() => {
    lines = [];
    consumed = { readUnits: 10, writeUnits: 3 };
  });

  const wrap = (answer: (event: unknown) => Promise<unknown>) =>
    withRequestLog(answer, {
      logger: recordingLogger(lines),
      scope: requestLogScope,
      consumed: () => consumed,
    });
  const requestLines = () => lines.filter((line) => line.message === 'request');

  it('writes the route, status, outcome, duration, units and cold start of each request', async () => {
    const handler = wrap(async () => {
      consumed = { readUnits: consumed.readUnits + 8.5, writeUnits: consumed.writeUnits + 2 };
      return { statusCode: 200, body: '{}' };
    });
    await handler(httpApiEvent('GET', '/primes/nth/10'), context('a'));
    await handler(
      { ...httpApiEvent('GET', '/primes/nth/10'), routeKey: 'GET /primes/nth/{n}' },
      context('b'),
    );
    expect(requestLines().map((line) => line.fields)).toEqual([
      {
        route: 'GET /primes/nth/10',
        status: 200,
        outcome: 'ok',
        durationMs: expect.any(Number),
        readUnits: 8.5,
        writeUnits: 2,
        coldStart: true,
      },
      expect.objectContaining({ route: 'GET /primes/nth/{n}', coldStart: false, readUnits: 8.5 }),
    ]);
  });

  it.each([
    ['a deadline 503', 503, { error: { code: 'DEADLINE_REACHED' } }, 'deadline'],
    ['the store unavailable', 503, { error: { code: 'STORE_UNAVAILABLE' } }, 'failure'],
    ['an internal error', 500, { error: { code: 'INTERNAL' } }, 'failure'],
    ['a bad parameter', 400, { error: { code: 'INVALID_PARAMETER' } }, 'rejected'],
  ])('tells %s (%i) by its status and error code', async (_what, statusCode, body, outcome) => {
    await wrap(async () => ({ statusCode, body: JSON.stringify(body) }))(
      httpApiEvent('GET', '/primes?count=9'),
      context('c'),
    );
    expect(requestLines()[0].fields).toMatchObject({ status: statusCode, outcome });
  });

  it('reads the error code of a compressed 503 body too', async () => {
    const body = gzipSync('{"error":{"code":"DEADLINE_REACHED"}}').toString('base64');
    await wrap(async () => ({
      statusCode: 503,
      headers: { 'Content-Encoding': 'gzip' },
      isBase64Encoded: true,
      body,
    }))(httpApiEvent('GET', '/primes/nth/99999999'), context('d'));
    expect(requestLines()[0].fields.outcome).toBe('deadline');
  });

  it('logs a direct invoke that throws by its code, and throws on', async () => {
    const thrown = (code: string) => {
      const error = new Error('x');
      error.name = code;
      return wrap(async () => {
        throw error;
      })({ max: 1 }, context(code));
    };
    await expect(thrown('DEADLINE_REACHED')).rejects.toThrow('x');
    await expect(thrown('INVALID_PARAMETER')).rejects.toThrow('x');
    await expect(thrown('INTERNAL')).rejects.toThrow('x');
    expect(
      requestLines().map((line) => [line.fields.route, line.fields.errorCode, line.fields.outcome]),
    ).toEqual([
      ['direct', 'DEADLINE_REACHED', 'deadline'],
      ['direct', 'INVALID_PARAMETER', 'rejected'],
      ['direct', 'INTERNAL', 'failure'],
    ]);
  });

  it('gives the alarms the lines they count: failures, and deadlines apart', async () => {
    const answers = [
      { statusCode: 503, body: '{"error":{"code":"DEADLINE_REACHED"}}' },
      { statusCode: 500, body: '{"error":{"code":"INTERNAL"}}' },
      { statusCode: 200, body: '[]' },
    ];
    for (const answer of answers)
      await wrap(async () => answer)(httpApiEvent('GET', '/x'), context('e'));
    const [deadline, failure, ok] = requestLines();
    expect([
      matches(FAILURE_LINES, deadline),
      matches(FAILURE_LINES, failure),
      matches(FAILURE_LINES, ok),
    ]).toEqual([false, true, false]);
    expect([
      matches(DEADLINE_LINES, deadline),
      matches(DEADLINE_LINES, failure),
      matches(DEADLINE_LINES, ok),
    ]).toEqual([true, false, false]);
  });

  it('adds the request count and units as embedded metrics to the line', async () => {
    const handler = withRequestLog(
      async () => {
        consumed = { readUnits: consumed.readUnits + 4, writeUnits: consumed.writeUnits };
        return [2, 3];
      },
      {
        logger: recordingLogger(lines),
        scope: requestLogScope,
        consumed: () => consumed,
        metrics: createEmfRequestMetrics('PrimesService', 'primes'),
      },
    );
    await handler({ max: 3 }, context('f'));
    await handler({ max: 3 }, context('g'));
    const [first, second] = requestLines();
    expect(first.fields).toMatchObject({
      Requests: 1,
      ReadUnits: 4,
      WriteUnits: 0,
      service: 'primes',
    });
    // Each line holds its own request's figures, not a running total.
    expect(second.fields).toMatchObject({ Requests: 1, ReadUnits: 4 });
    expect(first.fields._aws).toMatchObject({
      CloudWatchMetrics: [{ Namespace: 'PrimesService', Dimensions: [['service']] }],
    });
  });
});
