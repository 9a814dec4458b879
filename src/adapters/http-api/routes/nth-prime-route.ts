import { createRoute, z } from '@hono/zod-openapi';
import type { PrimeLimits } from '../../../domain/queries/prime-limits';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { decimalNumber } from '../decimal-parameter';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';

const NthPrime = z.object({ n: z.number().int(), prime: z.number().int() }).openapi('NthPrime');

/** GET /primes/nth/{n}: the n-th prime, counting from 1 (nth(1) = 2). */
export function nthPrimeRoute(limits: PrimeLimits) {
  const route = createRoute({
    method: 'get',
    path: '/primes/nth/{n}',
    operationId: 'nthPrime',
    summary: 'The n-th prime, counting from 1 (n=1 gives 2)',
    request: {
      params: z.strictObject({
        n: decimalNumber({ min: 1, max: limits.maxCount, description: 'Which prime, from 1.' }),
      }),
    },
    responses: routeAnswers(NthPrime, 'The n-th prime.', { store: true, etag: true }),
  });
  return primeRoute(route, async (c) => {
    const { n } = c.req.valid('param');
    const prime = await c.var.useCases.listPrimes.nth(n, c.env.deadline);
    return typedJson<typeof NthPrime>(
      jsonResponse(200, JSON.stringify({ n, prime }), { cacheable: true }),
    );
  });
}
