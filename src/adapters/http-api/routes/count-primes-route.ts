import { z } from 'zod';
import { ValueRange } from '../../../domain/queries/value-range';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { jsonResponse } from '../json-response';
import { integerParameter, parseQuery } from '../query-parameters';
import type { Route } from './route';

const countQuery = z.strictObject({
  from: integerParameter.optional(),
  to: integerParameter,
});

/** GET /primes/count: how many primes lie in [from, to] (from defaults to 0). */
export function countPrimesRoute({ countPrimes, limits }: PrimeUseCases): Route {
  return {
    path: '/primes/count',
    async handle({ query, deadline }) {
      const parameters = parseQuery(countQuery, query);
      const range = ValueRange.of(parameters.from ?? 0, parameters.to, limits);
      const count = await countPrimes.inRange(range, deadline);
      return jsonResponse(200, JSON.stringify({ from: range.from, to: range.to, count }), {
        cacheable: true,
      });
    },
  };
}
