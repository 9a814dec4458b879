import type { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';

/**
 * Marks an answer written as JSON text by hand (a page of primes is written digit by digit,
 * far faster than JSON.stringify) with the type of the schema it was written to, so that the
 * route's declared answers and a `hono/client` caller see that type.
 */
export function typedJson<Schema extends z.ZodType>(
  response: Response,
): Response & TypedResponse<z.output<Schema>, 200, 'json'> {
  return response as Response & TypedResponse<z.output<Schema>, 200, 'json'>;
}
