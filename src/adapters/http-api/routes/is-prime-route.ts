import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { decimalNumber } from '../decimal-parameter';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';

const Primality = z.object({ n: z.number().int(), isPrime: z.boolean() }).openapi('Primality');

/** GET /is-prime/{n}: a store lookup where the store reaches, Miller-Rabin beyond. */
export function isPrimeRoute() {
  const route = createRoute({
    method: 'get',
    path: '/is-prime/{n}',
    operationId: 'isPrime',
    summary: 'Whether n is prime (any n up to 2^53 - 1)',
    request: {
      params: z.strictObject({
        n: decimalNumber({
          min: 0,
          max: Number.MAX_SAFE_INTEGER,
          description: 'The number to test.',
        }),
      }),
    },
    responses: routeAnswers(Primality, 'Whether n is prime.', { store: true, etag: true }),
  });
  return primeRoute(route, async (c) => {
    const { n } = c.req.valid('param');
    const isPrime = await c.var.useCases.testPrimality.isPrime(n);
    return typedJson<typeof Primality>(
      jsonResponse(200, JSON.stringify({ n, isPrime }), { cacheable: true }),
    );
  });
}
