import { createRoute, z } from '@hono/zod-openapi';
import type { PrimeLimits } from '../../../domain/queries/prime-limits';
import { ValueRange } from '../../../domain/queries/value-range';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { decimalNumber } from '../decimal-parameter';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';

const PrimeCount = z
  .object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })
  .openapi('PrimeCount');

/** GET /primes/count: how many primes lie in [from, to] (from defaults to 0). */
export function countPrimesRoute(limits: PrimeLimits) {
  const value = (description: string) =>
    decimalNumber({ min: 0, max: limits.maxValue, description });
  const route = createRoute({
    method: 'get',
    path: '/primes/count',
    operationId: 'countPrimes',
    summary: 'How many primes lie in [from, to]',
    description: '`from` must not exceed `to`.',
    request: {
      query: z.strictObject({
        from: value('Smallest value (inclusive), default 0; at most `to`.').optional(),
        to: value('Largest value (inclusive).'),
      }),
    },
    responses: routeAnswers(PrimeCount, 'The prime count of the range.', {
      store: true,
      etag: true,
    }),
  });
  return primeRoute(route, async (c) => {
    const query = c.req.valid('query');
    const range = ValueRange.of(query.from ?? 0, query.to, limits);
    const count = await c.var.useCases.countPrimes.inRange(range, c.env.deadline);
    const body = JSON.stringify({ from: range.from, to: range.to, count });
    return typedJson<typeof PrimeCount>(jsonResponse(200, body, { cacheable: true }));
  });
}
