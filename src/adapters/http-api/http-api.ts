import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';
import type { Logger } from '../../ports/logger';
import { ApiError } from './api-error';
import type { ApiRequest, ApiResponse, HttpApi } from './api-types';
import { errorResponse } from './error-response';
import { matchRoute } from './route-matcher';
import { countPrimesRoute } from './routes/count-primes-route';
import { healthRoute } from './routes/health-route';
import { isPrimeRoute } from './routes/is-prime-route';
import { listPrimesRoute } from './routes/list-primes-route';
import { nthPrimeRoute } from './routes/nth-prime-route';
import { openApiRoute } from './routes/openapi-route';
import type { Route } from './routes/route';
import { storeRoute } from './routes/store-route';

export interface HttpApiOptions {
  /** Where failures the caller cannot fix (500, store unavailable) are logged. */
  readonly logger: Logger;
  /** The Retry-After of a 503, in seconds; default 1. */
  readonly retryAfterSeconds?: number;
}

/**
 * The HTTP API of design.md section 4, independent of any transport: the Lambda adapter and
 * the local server both hand it an ApiRequest and send back the ApiResponse it answers.
 */
export function createHttpApi(useCases: PrimeUseCases, options: HttpApiOptions): HttpApi {
  const routes: readonly Route[] = [
    listPrimesRoute(useCases),
    nthPrimeRoute(useCases),
    countPrimesRoute(useCases),
    isPrimeRoute(useCases),
    storeRoute(useCases),
    healthRoute(),
    openApiRoute(useCases.limits),
  ];
  const errorOptions = {
    logger: options.logger,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  };

  return {
    async handle(request: ApiRequest): Promise<ApiResponse> {
      try {
        const match = matchRoute(routes, request.path);
        if (!match) {
          throw new ApiError('NOT_FOUND', 'no such route; the routes are listed at /openapi.json');
        }
        if (request.method !== 'GET') {
          throw new ApiError(
            'METHOD_NOT_ALLOWED',
            `${match.route.path} answers GET only, not ${request.method}`,
            { allow: 'GET' },
          );
        }
        return await match.route.handle({
          params: match.params,
          query: request.query,
          deadline: request.deadline,
        });
      } catch (error) {
        return errorResponse(error, errorOptions);
      }
    },
  };
}
