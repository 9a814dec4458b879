import { createRoute, z } from '@hono/zod-openapi';
import { decimalU64 } from '../decimal-u64';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { u64Answer, u64Json } from '../u64-json';
import { primeRoute } from '../validation-hook';

const Primality = z.object({ n: u64Answer, isPrime: z.boolean() }).openapi('Primality');

/** GET /is-prime/{n}: a store lookup where the store reaches, Miller-Rabin beyond. */
export function isPrimeRoute() {
  const route = createRoute({
    method: 'get',
    path: '/is-prime/{n}',
    operationId: 'isPrime',
    summary: 'Whether n is prime (any n up to 2^64 - 1)',
    request: {
      params: z.strictObject({ n: decimalU64({ description: 'The number to test.' }) }),
    },
    responses: routeAnswers(Primality, 'Whether n is prime.', { store: true, etag: true }),
  });
  return primeRoute(route, async (c) => {
    const { n } = c.req.valid('param');
    const isPrime = await c.var.useCases.testPrimality.isPrimeU64(n);
    return typedJson<typeof Primality>(
      jsonResponse(200, u64Json({ n, isPrime }), { cacheable: true }),
    );
  });
}
