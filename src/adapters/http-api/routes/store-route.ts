import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';

const StoreDescription = z
  .object({
    count: z.number().int().openapi({ description: 'Primes held, from 2 on.' }),
    lastPrime: z.number().int().openapi({ description: 'The largest prime held, 0 if none.' }),
    engine: z.string(),
    chunkCapacity: z.number().int(),
    chunks: z.number().int(),
    consumed: z.object({ readUnits: z.number(), writeUnits: z.number() }),
    chunkCache: z
      .object({
        hits: z.number().int(),
        misses: z.number().int(),
        chunks: z.number().int(),
        bytes: z.number().int(),
        maxBytes: z.number().int(),
      })
      .openapi({ description: 'Decoded chunks kept in memory between reads, and their use.' }),
  })
  .openapi('StoreDescription');

/** GET /store: how far the store reaches and the capacity it has consumed; never cached. */
export function storeRoute() {
  const route = createRoute({
    method: 'get',
    path: '/store',
    operationId: 'describeStore',
    summary: 'How far the store reaches and the capacity it has consumed',

    responses: routeAnswers(StoreDescription, 'The store.', { store: true, etag: false }),
  });
  return primeRoute(route, async (c) => {
    const description = await c.var.useCases.describeStore.execute();
    return typedJson<typeof StoreDescription>(jsonResponse(200, JSON.stringify(description)));
  });
}
