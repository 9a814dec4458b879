import { z } from 'zod';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { pathInteger } from '../path-integer';
import { jsonResponse } from '../json-response';
import { parseQuery } from '../query-parameters';
import type { Route } from './route';

/** GET /primes/nth/{n}: the n-th prime, counting from 1 (nth(1) = 2). */
export function nthPrimeRoute({ listPrimes }: PrimeUseCases): Route {
  return {
    path: '/primes/nth/{n}',
    async handle({ params, query, deadline }) {
      parseQuery(z.strictObject({}), query);
      const n = pathInteger('n', params.n);
      const prime = await listPrimes.nth(n, deadline);
      return jsonResponse(200, JSON.stringify({ n, prime }), { cacheable: true });
    },
  };
}
