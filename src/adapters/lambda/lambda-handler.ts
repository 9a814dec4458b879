import type { Context } from 'aws-lambda';
import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { HttpApi } from '../http-api/api-types';
import { answerDirectInvoke } from './direct-invoke';
import { DirectInvokeError } from './direct-invoke-error';
import { isHttpApiEvent, toApiRequest, toHttpApiResult } from './http-api-event';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LambdaHandlerOptions {
  /** Largest `max` of a direct invoke; default 10,000,000 (about 5.2 MB of JSON). */
  readonly directInvokeMaxValue?: number;
  /** Time kept back from the Lambda timeout to save the last chunk and answer; default 1,000 ms. */
  readonly deadlineMarginMs?: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The one Lambda handler: an API Gateway HTTP API event (payload 2.0) goes through `api`; any
 * other object is the ancestor's direct invoke `{"max": N}`, answered with the bare array of
 * primes. Either way the deadline is the invocation's remaining time minus the margin, so the
 * store extension stops cleanly before Lambda would kill it.
 */
export function createLambdaHandler(
  api: HttpApi,
  useCases: PrimeUseCases,
  options: LambdaHandlerOptions,
): LambdaHandler {
  const { clock, logger } = options;
  const margin = options.deadlineMarginMs ?? 1_000;
  const directInvoke = { maxValue: options.directInvokeMaxValue ?? 10_000_000, logger };

  return async (event, context) => {
    const deadline = clock.now() + context.getRemainingTimeInMillis() - margin;
    if (isHttpApiEvent(event)) {
      return toHttpApiResult(await api.handle(toApiRequest(event, deadline)));
    }
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
    return answerDirectInvoke(event, useCases, deadline, directInvoke);
  };
}

/** Proxy events of other shapes (REST API, payload 1.0) must not be read as a direct invoke. */
function isProxyEvent(event: object): boolean {
  return 'requestContext' in event || 'httpMethod' in event || 'version' in event;
}
