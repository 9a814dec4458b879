import { z } from 'zod';
import { PageRequest } from '../../../domain/queries/page-request';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { jsonResponse } from '../json-response';
import { primeArrayJson } from '../prime-array-json';
import { integerParameter, parseQuery, textParameter } from '../query-parameters';
import type { Route } from './route';
import { selectPrimes } from './prime-selection';

const listQuery = z.strictObject({
  max: integerParameter.optional(),
  from: integerParameter.optional(),
  to: integerParameter.optional(),
  count: integerParameter.optional(),
  limit: integerParameter.optional(),
  cursor: textParameter.optional(),
});

/** GET /primes: a page of primes by value range or by count, and the cursor of the next page. */
export function listPrimesRoute({ listPrimes, limits }: PrimeUseCases): Route {
  return {
    path: '/primes',
    async handle({ query, deadline }) {
      const parameters = parseQuery(listQuery, query);
      const selection = selectPrimes(parameters, limits);
      const page = PageRequest.of(parameters.limit, parameters.cursor, limits);
      const result =
        'count' in selection
          ? await listPrimes.first(selection.count, page, deadline)
          : await listPrimes.inRange(selection.range, page, deadline);
      const body = `{"primes":${primeArrayJson(result.primes)},"next":${JSON.stringify(result.next)}}`;
      return jsonResponse(200, body, { cacheable: true });
    },
  };
}
