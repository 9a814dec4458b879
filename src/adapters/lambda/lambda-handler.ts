import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { PrimesFetch } from '../http-api/primes-env';
import { answerDirectInvoke } from './direct-invoke';
import { DirectInvokeError } from './direct-invoke-error';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LambdaHandlerOptions {
  /** Largest `max` of a direct invoke; default 10,000,000 (about 5.2 MB of JSON). */
  readonly directInvokeMaxValue?: number;
  /** Time kept back from the Lambda timeout to save the last chunk and answer. */
  readonly deadlineMarginMs: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The one Lambda handler: an API Gateway HTTP API event (payload 2.0) goes through `app`, by
 * hono/aws-lambda; any other object is the ancestor's direct invoke `{"max": N}`, answered with
 * the bare array of primes. Either way the deadline is the invocation's remaining time minus
 * the margin, so the store extension stops cleanly before Lambda would kill it.
 */
export function createLambdaHandler(
  app: PrimesFetch,
  useCases: PrimeUseCases,
  options: LambdaHandlerOptions,
): LambdaHandler {
  const { clock, logger } = options;
  const directInvoke = { maxValue: options.directInvokeMaxValue ?? 10_000_000, logger };
  const deadlineOf = (context: { getRemainingTimeInMillis(): number }) =>
    clock.now() + context.getRemainingTimeInMillis() - options.deadlineMarginMs;

  const withDeadline = new Hono<{ Bindings: { lambdaContext: LambdaContext } }>().all('*', (c) =>
    app.fetch(c.req.raw, { deadline: deadlineOf(c.env.lambdaContext) }),
  );
  const answerHttp = handle(withDeadline);

  return async (event, context) => {
    // The same runtime event: hono types it by its own declarations, not @types/aws-lambda's.
    if (isHttpApiEvent(event))
      return answerHttp(asServed(event) as unknown as LambdaEvent, context);
    if (
      typeof event !== 'object' ||
      event === null ||
      Array.isArray(event) ||
      isProxyEvent(event)
    ) {
      throw new DirectInvokeError(
        'UNSUPPORTED_EVENT',
        'expected a direct invoke {"max": N} or an API Gateway HTTP API event with payload ' +
          'format version 2.0',
      );
    }
    return answerDirectInvoke(event, useCases, deadlineOf(context), directInvoke);
  };
}

/** An API Gateway HTTP API event in payload format 2.0 (the only format this handler takes). */
function isHttpApiEvent(event: unknown): event is APIGatewayProxyEventV2 {
  if (!isRecord(event) || event.version !== '2.0' || typeof event.rawPath !== 'string') {
    return false;
  }
  const context = event.requestContext;
  return isRecord(context) && isRecord(context.http) && typeof context.http.method === 'string';
}

/**
 * The event as the routes expect it. On a named stage rawPath starts with the stage
 * ("/prod/primes"; $default has no prefix). rawQueryString keeps repeated parameters apart;
 * queryStringParameters has them joined by commas, so it is only the fallback of hand-made
 * events.
 */
function asServed(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  const stage = event.requestContext.stage;
  let rawPath = event.rawPath;
  if (stage && stage !== '$default') {
    const prefix = `/${stage}`;
    if (rawPath === prefix) rawPath = '/';
    else if (rawPath.startsWith(`${prefix}/`)) rawPath = rawPath.slice(prefix.length);
  }
  const rawQueryString =
    typeof event.rawQueryString === 'string'
      ? event.rawQueryString
      : new URLSearchParams(
          Object.entries(event.queryStringParameters ?? {}).flatMap(([name, value]) =>
            value === undefined ? [] : [[name, value] as [string, string]],
          ),
        ).toString();
  // No route reads a body, and a fetch Request refuses one on a GET.
  const method = event.requestContext.http.method;
  const body = method === 'GET' || method === 'HEAD' ? undefined : event.body;
  return { ...event, rawPath, rawQueryString, body };
}

/** Proxy events of other shapes (REST API, payload 1.0) must not be read as a direct invoke. */
function isProxyEvent(event: object): boolean {
  return 'requestContext' in event || 'httpMethod' in event || 'version' in event;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
