import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Logger } from '../../ports/logger';
import type { CapacityUsage } from '../../ports/prime-repository';
import { ERROR_CODES } from '../../ports/error-codes';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * What an operator reads a request by. `deadline` is the deliberate 503 of a request that needs
 * more primes than one invocation can find (the caller retries and the next call goes on): it
 * is kept apart from `failure`, the answers that are the service's fault, so only those page.
 */
export type RequestOutcome = 'ok' | 'rejected' | 'deadline' | 'failure';

export interface RequestFigures {
  readonly route: string;
  readonly outcome: RequestOutcome;
  readonly durationMs: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly coldStart: boolean;
}

/** Runs `work` so that every line any logger writes inside it carries `bindings`. */
export interface RequestLogScope {
  run<T>(bindings: { readonly awsRequestId: string }, work: () => Promise<T>): Promise<T>;
}

/** Turns a request's figures into fields of its line that make CloudWatch metrics of them. */
export interface RequestMetrics {
  fieldsOf(figures: RequestFigures): object;
}

export interface RequestLogOptions {
  /** Writes the request line; inside the scope it carries the request id like every other. */
  readonly logger: Logger;
  readonly scope: RequestLogScope;
  /** Capacity units the store has consumed so far in this sandbox; read before and after. */
  readonly consumed: () => CapacityUsage;
  readonly metrics?: RequestMetrics;
}

/**
 * Wraps the Lambda handler so that each invocation writes one structured line, `request`:
 * its `awsRequestId`, route, status, duration, the DynamoDB capacity units it consumed and
 * whether it was the sandbox's first. It reads nothing of the HTTP layer but the event and the
 * result: an HTTP API 2.0 event has a `routeKey` and its result a `statusCode`; a direct invoke
 * returns the primes or throws an error whose `name` is the stable code.
 */
export function withRequestLog(handler: Handler, options: RequestLogOptions): Handler {
  const { logger, scope, consumed, metrics } = options;
  let coldStart = true;

  return (event, context) =>
    scope.run({ awsRequestId: context.awsRequestId }, async () => {
      const first = coldStart;
      coldStart = false;
      const before = consumed();
      const started = performance.now();
      const route = routeOf(event);
      const finish = (outcome: RequestOutcome, status: Record<string, unknown>) => {
        const after = consumed();
        const figures: RequestFigures = {
          route,
          outcome,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          readUnits: after.readUnits - before.readUnits,
          writeUnits: after.writeUnits - before.writeUnits,
          coldStart: first,
        };
        // The scope's bindings put awsRequestId on the line.
        logger.info({ ...figures, ...status, ...metrics?.fieldsOf(figures) }, 'request');
      };
      try {
        const result = await handler(event, context);
        const statusCode = statusCodeOf(result);
        if (statusCode === undefined) finish('ok', { status: 200 });
        else finish(outcomeOfStatus(statusCode, result), { status: statusCode });
        return result;
      } catch (error) {
        const code = error instanceof Error ? error.name : 'INTERNAL';
        finish(outcomeOfCode(code), { errorCode: code });
        throw error;
      }
    });
}

/**
 * The HTTP API's route key (`GET /primes/nth/{n}`); for the catch-all `$default` route, the
 * method and path that reached it. Any other event is a direct invoke.
 */
function routeOf(event: unknown): string {
  if (typeof event !== 'object' || event === null || !('routeKey' in event)) return 'direct';
  const { routeKey, rawPath, requestContext } = event as {
    routeKey: unknown;
    rawPath?: unknown;
    requestContext?: { http?: { method?: unknown } };
  };
  if (typeof routeKey !== 'string') return 'direct';
  if (routeKey !== '$default') return routeKey;
  return `${String(requestContext?.http?.method ?? '?')} ${String(rawPath ?? '')}`;
}

function statusCodeOf(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) return undefined;
  return typeof result.statusCode === 'number' ? result.statusCode : undefined;
}

function outcomeOfStatus(status: number, result: unknown): RequestOutcome {
  if (status < 400) return 'ok';
  if (status < 500) return 'rejected';
  return status === 503 && errorCodeInBody(result) === ERROR_CODES.deadlineReached
    ? 'deadline'
    : 'failure';
}

/** The codes a direct invoke fails with when the caller, not the service, must change. */
const REJECTED_CODES = new Set<string>([ERROR_CODES.invalidParameter, 'UNSUPPORTED_EVENT']);

function outcomeOfCode(code: string): RequestOutcome {
  if (code === ERROR_CODES.deadlineReached) return 'deadline';
  return REJECTED_CODES.has(code) ? 'rejected' : 'failure';
}

/**
 * The `error.code` of a JSON error body, read only for a 503 (a few hundred bytes): the store
 * being unavailable answers 503 too, and that one is a failure. The body may be compressed.
 */
function errorCodeInBody(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || !('body' in result)) return undefined;
  if (typeof result.body !== 'string') return undefined;
  try {
    const encoded = 'isBase64Encoded' in result && result.isBase64Encoded === true;
    const raw = encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body);
    const parsed: unknown = JSON.parse(decode(raw, contentEncodingOf(result)).toString('utf8'));
    const error = (parsed as { error?: { code?: unknown } }).error;
    return typeof error?.code === 'string' ? error.code : undefined;
  } catch {
    return undefined;
  }
}

function contentEncodingOf(result: object): string {
  if (!('headers' in result) || typeof result.headers !== 'object' || result.headers === null) {
    return 'identity';
  }
  for (const [name, value] of Object.entries(result.headers)) {
    if (name.toLowerCase() === 'content-encoding') return String(value).toLowerCase();
  }
  return 'identity';
}

function decode(raw: Buffer, encoding: string): Buffer {
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'br') return brotliDecompressSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  return raw;
}

/**
 * The request count and capacity units in CloudWatch's embedded metric format, as fields of the
 * request line itself: CloudWatch Logs turns them into metrics on arrival, with no API call, no
 * permission and no second line per request. Powertools builds the format's `_aws` envelope;
 * the line goes out through our logger rather than Powertools' own stdout writer.
 */
export function createEmfRequestMetrics(namespace: string, serviceName: string): RequestMetrics {
  const metrics = new Metrics({ namespace, serviceName });
  return {
    fieldsOf(figures) {
      metrics.addMetric('Requests', MetricUnit.Count, 1);
      metrics.addMetric('ReadUnits', MetricUnit.Count, figures.readUnits);
      metrics.addMetric('WriteUnits', MetricUnit.Count, figures.writeUnits);
      try {
        return metrics.serializeMetrics();
      } finally {
        metrics.clearMetrics();
      }
    },
  };
}
