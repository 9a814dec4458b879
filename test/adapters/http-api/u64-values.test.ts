import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { decimalU64, U64_MAX } from '../../../src/adapters/http-api/decimal-u64';
import { errorResponse } from '../../../src/adapters/http-api/error-response';
import { jsonResponse } from '../../../src/adapters/http-api/json-response';
import type { PrimesEnv } from '../../../src/adapters/http-api/primes-env';
import { u64Answer, u64Json, u64Value } from '../../../src/adapters/http-api/u64-json';
import { typedJson } from '../../../src/adapters/http-api/typed-json';
import { primeRoute } from '../../../src/adapters/http-api/validation-hook';
import { silentLogger } from '../../support/silent-logger';
import { call } from './api-client';

/** A route written as the 64-bit routes will be: a bigint in, a bigint answered. */
const Echo = z.object({ x: u64Answer, next: u64Answer });

function echoApp() {
  const route = createRoute({
    method: 'get',
    path: '/echo/{x}',
    request: {
      params: z.strictObject({ x: decimalU64({ description: 'Any value of 64 bits.' }) }),
      query: z.strictObject({
        below: decimalU64({ max: 1000n, description: 'A bound.' }).optional(),
      }),
    },
    responses: {
      200: {
        description: 'x and x + 1',
        content: { 'application/json': { schema: Echo } },
      },
    },
  });
  const app = new OpenAPIHono<PrimesEnv>().openapi(
    ...primeRoute(route, (c) => {
      const { x } = c.req.valid('param');
      return typedJson<typeof Echo>(jsonResponse(200, u64Json({ x, next: x + 1n })));
    }),
  );
  app.onError((error) => errorResponse(error, { logger: silentLogger, retryAfterSeconds: 1 }));
  return app;
}

describe('values up to 2^64 - 1', () => {
  const app = echoApp();

  it('reads plain decimal up to 2^64 - 1 into an exact bigint', async () => {
    const answer = await call(app, `/echo/${U64_MAX - 1n}`);
    expect(answer.status).toBe(200);
    // Past 2^53 the answer is a string of digits, so that no JSON reader rounds it.
    expect(answer.body).toBe('{"x":"18446744073709551614","next":"18446744073709551615"}');
    expect((await call(app, '/echo/41')).body).toBe('{"x":41,"next":42}');
  });

  it('answers a number up to 2^53 - 1 and a string from 2^53 on', () => {
    expect(u64Value(2n ** 53n - 1n)).toBe(9_007_199_254_740_991);
    expect(u64Value(2n ** 53n)).toBe('9007199254740992');
    expect(u64Value(0n)).toBe(0);
    expect(u64Json({ big: U64_MAX, small: 7n, list: [1n, 2n ** 60n] })).toBe(
      '{"big":"18446744073709551615","small":7,"list":[1,"1152921504606846976"]}',
    );
    expect(u64Answer.safeParse(2 ** 53 - 1).success).toBe(true);
    expect(u64Answer.safeParse('9007199254740992').success).toBe(true);
    expect(u64Answer.safeParse(2 ** 53).success).toBe(false);
    expect(u64Answer.safeParse('12').success).toBe(false);
  });

  it.each([
    ['18446744073709551616', /^x must be at most 18446744073709551615 \(2\^64 - 1\)$/],
    ['99999999999999999999999', /^x must be at most 18446744073709551615/],
    ['-1', /^x must be a decimal integer written with digits only/],
    ['1e3', /digits only/],
    ['007', /digits only/],
    ['%2B5', /digits only/],
  ])('refuses %s with a 400 naming the field and the rule', async (value, rule) => {
    const answer = await call(app, `/echo/${value}`);
    expect(answer.status).toBe(400);
    const { error } = answer.json as { error: { code: string; field: string; message: string } };
    expect([error.code, error.field]).toEqual(['INVALID_PARAMETER', 'x']);
    expect(error.message).toMatch(rule);
  });

  it('names a smaller bound the route sets', async () => {
    const answer = await call(app, '/echo/5?below=1001');
    expect((answer.json as { error: { message: string } }).error.message).toBe(
      'below must be at most 1000',
    );
  });

  it('is documented as a digit string in, one of an integer or a digit string out', () => {
    const document = app.getOpenAPI31Document(
      { openapi: '3.1.0', info: { title: 't', version: '1' } },
      { unionPreferredType: 'oneOf' },
    );
    const operation = document.paths?.['/echo/{x}']?.get;
    const x = operation?.parameters?.find((each) => 'name' in each && each.name === 'x');
    expect(x).toMatchObject({
      schema: { type: 'string', pattern: '^(?:0|[1-9][0-9]*)$', maxLength: 20 },
    });
    expect(document.components?.schemas?.Uint64).toMatchObject({
      oneOf: [
        { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        { type: 'string', pattern: '^[1-9][0-9]{15,19}$' },
      ],
    });
  });
});
