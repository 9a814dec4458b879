import { createRoute, z } from '@hono/zod-openapi';
import type { PrimeLimits } from '../../../domain/values/prime-limits';
import { decimalU64 } from '../decimal-u64';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { u64Answer, u64Json } from '../u64-json';
import { primeRoute } from '../validation-hook';

const PrimeCount = z
  .object({ from: u64Answer, to: u64Answer, count: u64Answer })
  .openapi('PrimeCount');

/**
 * GET /primes/count: how many primes lie in [from, to] (from defaults to 0), from the store
 * where it reaches, else computed (or recalled); the store does not grow for it.
 */
export function countPrimesRoute(limits: PrimeLimits) {
  const value = (description: string) => decimalU64({ description });
  const route = createRoute({
    method: 'get',
    path: '/primes/count',
    operationId: 'countPrimes',
    summary: 'How many primes lie in [from, to]',
    description:
      `\`from\` must not exceed \`to\`. \`to\` is at most ${limits.maxCountedValue}, the largest ` +
      'value whose count this service computes inside one request, except for a window of at ' +
      'most 4294967296 numbers (`to - from < 2^32`, `from > 2`), which is sieved and may reach ' +
      '2^64 - 1.',
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
    const from = query.from ?? 0n;
    const count = await c.var.useCases.countPrimes.between(from, query.to, c.env.deadline);
    const body = u64Json({ from, to: query.to, count });
    return typedJson<typeof PrimeCount>(jsonResponse(200, body, { cacheable: true }));
  });
}
