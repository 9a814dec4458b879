import { z } from 'zod';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { pathInteger } from '../path-integer';
import { jsonResponse } from '../json-response';
import { parseQuery } from '../query-parameters';
import type { Route } from './route';

/** GET /is-prime/{n}: a store lookup where the store reaches, Miller-Rabin beyond. */
export function isPrimeRoute({ testPrimality }: PrimeUseCases): Route {
  return {
    path: '/is-prime/{n}',
    async handle({ params, query }) {
      parseQuery(z.strictObject({}), query);
      const n = pathInteger('n', params.n);
      const isPrime = await testPrimality.isPrime(n);
      return jsonResponse(200, JSON.stringify({ n, isPrime }), { cacheable: true });
    },
  };
}
