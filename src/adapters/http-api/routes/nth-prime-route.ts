import { createRoute, z } from '@hono/zod-openapi';
import type { PrimeLimits } from '../../../domain/values/prime-limits';
import { decimalU64 } from '../decimal-u64';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { u64Answer, u64Json } from '../u64-json';
import { primeRoute } from '../validation-hook';

const NthPrime = z.object({ n: u64Answer, prime: u64Answer }).openapi('NthPrime');

/** GET /primes/nth/{n}: the n-th prime, counting from 1 (nth(1) = 2): stored, else computed. */
export function nthPrimeRoute(limits: PrimeLimits) {
  const route = createRoute({
    method: 'get',
    path: '/primes/nth/{n}',
    operationId: 'nthPrime',
    summary: 'The n-th prime, counting from 1 (n=1 gives 2)',
    request: {
      params: z.strictObject({
        n: decimalU64({ min: 1n, max: limits.maxNthPrime, description: 'Which prime, from 1.' }),
      }),
    },
    responses: routeAnswers(NthPrime, 'The n-th prime.', { store: true, etag: true }),
  });
  return primeRoute(route, async (c) => {
    const { n } = c.req.valid('param');
    const prime = await c.var.useCases.findNthPrime.nth(n, c.env.deadline);
    return typedJson<typeof NthPrime>(
      jsonResponse(200, u64Json({ n, prime }), { cacheable: true }),
    );
  });
}
