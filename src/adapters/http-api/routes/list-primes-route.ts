import { createRoute, z } from '@hono/zod-openapi';
import { PageRequest } from '../../../domain/values/page-request';
import type { PrimeLimits } from '../../../domain/values/prime-limits';
import { jsonResponse } from '../json-response';
import { primeArrayJson, primesFittingOnePage } from '../prime-array-json';
import { routeAnswers } from '../route-responses';
import { decimalNumber, textValue } from '../decimal-parameter';
import { decimalU64 } from '../decimal-u64';
import { typedJson } from '../typed-json';
import { u64Answer } from '../u64-json';
import { primeRoute } from '../validation-hook';
import { selectPrimes, type PrimeSelection } from '../../../domain/values/prime-selection';
import { nthPrimeUpperBound } from '../../../domain/bounds/nth-prime-bounds';

const PrimePage = z
  .object({
    primes: z.array(u64Answer),
    next: z
      .string()
      .nullable()
      .openapi({ description: 'The cursor of the next page; null on the last page.' }),
  })
  .openapi('PrimePage');

const SELECTION_RULES =
  'Give exactly one of: `max` (the primes up to max), `to` with an optional `from` ' +
  '(`from` <= `to`, any window up to 2^64 - 1), or `count`; any other combination is a 400 ' +
  'naming the parameter at fault. A window beyond the store is sieved for the page asked, ' +
  'without extending the store. ' +
  'Follow `next` as `cursor`, with the same other parameters, for the next page (the `nextPage` ' +
  'link); `next` is null on the last page.';

/** GET /primes: a page of primes by value range or by count, and the cursor of the next page. */
export function listPrimesRoute(limits: PrimeLimits) {
  const bound = (description: string) => decimalU64({ description }).optional();
  const route = createRoute({
    method: 'get',
    path: '/primes',
    operationId: 'listPrimes',
    summary: 'A page of primes, by value range (max, or from and to) or the first count',
    description: SELECTION_RULES,
    request: {
      query: z.strictObject({
        max: decimalNumber({
          min: 0,
          max: limits.maxValue,
          description: 'List the primes <= max. Not with from, to or count.',
        }).optional(),
        from: bound('Smallest value (inclusive), default 0; needs to, at most to.'),
        to: bound('Largest value (inclusive). Not with max or count.'),
        count: decimalNumber({
          min: 0,
          max: limits.maxCount,
          description: 'List the first count primes. Not with max, from or to.',
        }).optional(),
        limit: decimalNumber({
          min: 1,
          max: limits.maxPageSize,
          description:
            `Primes per page, default ${limits.defaultPageSize}. A page of larger values holds ` +
            'fewer, so that it fits a 6 MB answer uncompressed: at most 323,529 primes below 1e16 ' +
            'and 239,130 near 2^64; `next` then goes on from there.',
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
    const { listPrimes, listPrimeWindow } = c.var.useCases;
    const selection = selectPrimes(query, limits);
    const page = fittingOnePage(
      PageRequest.of(query.limit, query.cursor, limits),
      selection,
      limits,
    );
    const { deadline } = c.env;
    const result =
      'count' in selection
        ? await listPrimes.first(selection.count, page, deadline)
        : 'range' in selection
          ? await listPrimes.inRange(selection.range, page, deadline)
          : await listPrimeWindow.page(selection.window.from, selection.window.to, page, deadline);
    const body = `{"primes":${primeArrayJson(result.primes)},"next":${JSON.stringify(result.next)}}`;
    return typedJson<typeof PrimePage>(jsonResponse(200, body, { cacheable: true }));
  });
}

/** The page asked for, or a shorter one where its primes would not fit one answer. */
function fittingOnePage(
  page: PageRequest,
  selection: PrimeSelection,
  limits: PrimeLimits,
): PageRequest {
  const largest =
    'count' in selection
      ? BigInt(nthPrimeUpperBound(Math.max(selection.count, 1)))
      : 'range' in selection
        ? BigInt(selection.range.to)
        : selection.window.to;
  const fitting = primesFittingOnePage(largest);
  return page.limit <= fitting ? page : PageRequest.of(fitting, page.cursor, limits);
}
