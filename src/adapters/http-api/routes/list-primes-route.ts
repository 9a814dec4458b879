import { createRoute, z } from '@hono/zod-openapi';
import { PageRequest } from '../../../domain/queries/page-request';
import type { PrimeLimits } from '../../../domain/queries/prime-limits';
import { jsonResponse } from '../json-response';
import { primeArrayJson } from '../prime-array-json';
import { routeAnswers } from '../route-responses';
import { decimalNumber, textValue } from '../decimal-parameter';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';
import { selectPrimes } from './prime-selection';

const PrimePage = z
  .object({
    primes: z.array(z.number().int()),
    next: z
      .string()
      .nullable()
      .openapi({ description: 'The cursor of the next page; null on the last page.' }),
  })
  .openapi('PrimePage');

const SELECTION_RULES =
  'Give exactly one of: `max` (the same as from=0&to=max), `to` with an optional `from` ' +
  '(`from` <= `to`), or `count`; any other combination is a 400 naming the parameter at fault. ' +
  'Follow `next` as `cursor`, with the same other parameters, for the next page (the `nextPage` ' +
  'link); `next` is null on the last page.';

/** GET /primes: a page of primes by value range or by count, and the cursor of the next page. */
export function listPrimesRoute(limits: PrimeLimits) {
  const value = (description: string) =>
    decimalNumber({ min: 0, max: limits.maxValue, description }).optional();
  const route = createRoute({
    method: 'get',
    path: '/primes',
    operationId: 'listPrimes',
    summary: 'A page of primes, by value range (max, or from and to) or the first count',
    description: SELECTION_RULES,
    request: {
      query: z.strictObject({
        max: value('List the primes <= max. Not with from, to or count.'),
        from: value('Smallest value (inclusive), default 0; needs to, at most to.'),
        to: value('Largest value (inclusive). Not with max or count.'),
        count: decimalNumber({
          min: 0,
          max: limits.maxCount,
          description: 'List the first count primes. Not with max, from or to.',
        }).optional(),
        limit: decimalNumber({
          min: 1,
          max: limits.maxPageSize,
          description: `Primes per page, default ${limits.defaultPageSize}.`,
        }).optional(),
        cursor: textValue('The `next` of the previous page.').optional(),
      }),
    },
    responses: routeAnswers(PrimePage, 'One page of primes.', {
      store: true,
      etag: true,
      links: {
        nextPage: {
          operationId: 'listPrimes',
          description: 'The next page: the same query with `cursor` set to this page’s `next`.',
          parameters: {
            cursor: '$response.body#/next',
            max: '$request.query.max',
            from: '$request.query.from',
            to: '$request.query.to',
            count: '$request.query.count',
            limit: '$request.query.limit',
          },
        },
      },
    }),
  });
  return primeRoute(route, async (c) => {
    const query = c.req.valid('query');
    const { listPrimes } = c.var.useCases;
    const selection = selectPrimes(query, limits);
    const page = PageRequest.of(query.limit, query.cursor, limits);
    const result =
      'count' in selection
        ? await listPrimes.first(selection.count, page, c.env.deadline)
        : await listPrimes.inRange(selection.range, page, c.env.deadline);
    const body = `{"primes":${primeArrayJson(result.primes)},"next":${JSON.stringify(result.next)}}`;
    return typedJson<typeof PrimePage>(jsonResponse(200, body, { cacheable: true }));
  });
}
