import type { PrimeLimits } from '../../domain/queries/prime-limits';

/**
 * The OpenAPI 3.1 description of the HTTP API, as data. The limits are filled in from the
 * running service's configuration, so the document states the bounds the service enforces.
 */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const errorRef = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);

const invalidParameter = errorRef('A parameter broke a rule; `field` names it.');
const deadlineReached = {
  ...errorRef(
    'The deadline stopped the store extension this answer needed. What was found is saved ' +
      '(`progress`); retry after `Retry-After` seconds and the next call continues.',
  ),
  headers: { 'Retry-After': { schema: { type: 'integer', minimum: 0 } } },
};

const integerParameter = (
  name: string,
  location: 'query' | 'path',
  description: string,
  maximum: number,
  required = location === 'path',
) => ({
  name,
  in: location,
  required,
  description: `${description} Decimal digits only (no sign, exponent, fraction or hex).`,
  schema: { type: 'integer', minimum: 0, maximum },
});

export function openApiDocument(limits: PrimeLimits) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Primes as a service',
      version: '1.0.0',
      description:
        'Primes from a store that never computes a prime twice. Every parameter is a strict ' +
        'decimal integer; unknown, repeated or conflicting parameters are refused with 400.',
    },
    paths: {
      '/primes': {
        get: {
          operationId: 'listPrimes',
          summary: 'A page of primes, by value range (max, or from and to) or the first count',
          description:
            'Give exactly one of: `max` (same as from=0&to=max), `to` with an optional `from`, ' +
            'or `count`. Follow `next` as `cursor` (with the same other parameters) for the ' +
            'next page; `next` is null on the last page.',
          parameters: [
            integerParameter('max', 'query', 'List the primes <= max.', limits.maxValue, false),
            integerParameter(
              'from',
              'query',
              'Smallest value (inclusive).',
              limits.maxValue,
              false,
            ),
            integerParameter('to', 'query', 'Largest value (inclusive).', limits.maxValue, false),
            integerParameter(
              'count',
              'query',
              'List the first count primes.',
              limits.maxCount,
              false,
            ),
            {
              ...integerParameter(
                'limit',
                'query',
                `Page size, default ${limits.defaultPageSize}.`,
                limits.maxPageSize,
                false,
              ),
              schema: { type: 'integer', minimum: 1, maximum: limits.maxPageSize },
            },
            {
              name: 'cursor',
              in: 'query',
              required: false,
              description: 'The `next` of the previous page.',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': json({ $ref: '#/components/schemas/PrimePage' }, 'One page of primes.'),
            '400': invalidParameter,
            '503': deadlineReached,
          },
        },
      },
      '/primes/nth/{n}': {
        get: {
          operationId: 'nthPrime',
          summary: 'The n-th prime, counting from 1 (n=1 gives 2)',
          parameters: [integerParameter('n', 'path', 'Which prime, from 1.', limits.maxCount)],
          responses: {
            '200': json(
              {
                type: 'object',
                required: ['n', 'prime'],
                properties: { n: { type: 'integer' }, prime: { type: 'integer' } },
              },
              'The n-th prime.',
            ),
            '400': invalidParameter,
            '503': deadlineReached,
          },
        },
      },
      '/primes/count': {
        get: {
          operationId: 'countPrimes',
          summary: 'How many primes lie in [from, to]',
          parameters: [
            integerParameter('from', 'query', 'Smallest value, default 0.', limits.maxValue, false),
            integerParameter('to', 'query', 'Largest value (inclusive).', limits.maxValue, true),
          ],
          responses: {
            '200': json(
              {
                type: 'object',
                required: ['from', 'to', 'count'],
                properties: {
                  from: { type: 'integer' },
                  to: { type: 'integer' },
                  count: { type: 'integer' },
                },
              },
              'The prime count of the range.',
            ),
            '400': invalidParameter,
            '503': deadlineReached,
          },
        },
      },
      '/is-prime/{n}': {
        get: {
          operationId: 'isPrime',
          summary: 'Whether n is prime (any n up to 2^53 - 1)',
          parameters: [integerParameter('n', 'path', 'The number to test.', MAX_SAFE)],
          responses: {
            '200': json(
              {
                type: 'object',
                required: ['n', 'isPrime'],
                properties: { n: { type: 'integer' }, isPrime: { type: 'boolean' } },
              },
              'Whether n is prime.',
            ),
            '400': invalidParameter,
          },
        },
      },
      '/store': {
        get: {
          operationId: 'describeStore',
          summary: 'How far the store reaches and the capacity it has consumed',
          responses: {
            '200': json({ $ref: '#/components/schemas/StoreDescription' }, 'The store.'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'The service answers (the store is not consulted)',
          responses: {
            '200': json(
              { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
              'Alive.',
            ),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          responses: { '200': json({ type: 'object' }, 'The OpenAPI 3.1 document.') },
        },
      },
    },
    components: {
      schemas: {
        PrimePage: {
          type: 'object',
          required: ['primes', 'next'],
          properties: {
            primes: { type: 'array', items: { type: 'integer' } },
            next: { type: ['string', 'null'], description: 'The cursor of the next page.' },
          },
        },
        StoreDescription: {
          type: 'object',
          required: ['count', 'lastPrime', 'engine', 'chunkCapacity', 'chunks', 'consumed'],
          properties: {
            count: { type: 'integer', description: 'Primes held, from 2 on.' },
            lastPrime: { type: 'integer', description: 'The largest prime held, 0 if none.' },
            engine: { type: 'string' },
            chunkCapacity: { type: 'integer' },
            chunks: { type: 'integer' },
            consumed: {
              type: 'object',
              required: ['readUnits', 'writeUnits'],
              properties: {
                readUnits: { type: 'number' },
                writeUnits: { type: 'number' },
              },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  enum: [
                    'INVALID_PARAMETER',
                    'NOT_FOUND',
                    'METHOD_NOT_ALLOWED',
                    'PAYLOAD_TOO_LARGE',
                    'DEADLINE_REACHED',
                    'STORE_CORRUPT',
                    'STORE_UNAVAILABLE',
                    'INTERNAL',
                  ],
                },
                field: { type: 'string', description: 'The parameter at fault (400 only).' },
                message: { type: 'string' },
                progress: {
                  type: 'object',
                  description: 'How far the store now reaches (DEADLINE_REACHED only).',
                  properties: { count: { type: 'integer' }, lastPrime: { type: 'integer' } },
                },
              },
            },
          },
        },
      },
    },
  };
}
