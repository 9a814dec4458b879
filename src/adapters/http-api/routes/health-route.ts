import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { typedJson } from '../typed-json';
import { primeRoute } from '../validation-hook';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');

/** GET /health: the process answers; it deliberately does not touch the store. */
export function healthRoute() {
  const route = createRoute({
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'The service answers (the store is not consulted)',

    responses: routeAnswers(Health, 'Alive.', { store: false, etag: false }),
  });
  return primeRoute(route, () => typedJson<typeof Health>(jsonResponse(200, '{"status":"ok"}')));
}
