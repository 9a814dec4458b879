import { createRoute, z } from '@hono/zod-openapi';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { decimalU64 } from '../decimal-u64';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { u64Answer, u64Json } from '../u64-json';
import { primeRoute } from '../validation-hook';

const NeighbourPrime = z.object({ n: u64Answer, prime: u64Answer }).openapi('NeighbourPrime');

const SIDES = {
  '/primes/next/{n}': {
    side: 'next',
    operationId: 'nextPrime',
    summary: 'The smallest prime greater than n',
    answer: 'The smallest prime > n.',
    none: 'n is 18446744073709551557 or more: no prime above it is below 2^64',
  },
  '/primes/previous/{n}': {
    side: 'previous',
    operationId: 'previousPrime',
    summary: 'The largest prime less than n',
    answer: 'The largest prime < n.',
    none: 'n is 2 or less: no prime is below it',
  },
} as const;

/**
 * GET /primes/next/{n} and GET /primes/previous/{n}: the primes beside any n below 2^64, each
 * found by sieving one short window past n, so neither reads the store nor meets a deadline.
 */
export function neighbourPrimeRoute<Path extends keyof typeof SIDES>(path: Path) {
  const { side, operationId, summary, answer, none } = SIDES[path];
  const route = createRoute({
    method: 'get',
    path,
    operationId,
    summary,
    description: `When ${none}, the answer is 404 \`NO_SUCH_PRIME\` naming \`n\`.`,
    request: {
      params: z.strictObject({ n: decimalU64({ description: 'Where to look from.' }) }),
    },
    responses: routeAnswers(NeighbourPrime, answer, {
      store: false,
      etag: true,
      asked: ['NO_SUCH_PRIME'],
    }),
  });
  return primeRoute(route, async (c) => {
    const { n } = c.req.valid('param');
    const neighbours: PrimeUseCases['neighbourPrimes'] = c.var.useCases.neighbourPrimes;
    const prime = await (side === 'next' ? neighbours.next(n) : neighbours.previous(n));
    return typedJson<typeof NeighbourPrime>(
      jsonResponse(200, u64Json({ n, prime }), { cacheable: true }),
    );
  });
}
