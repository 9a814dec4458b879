import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../json-response';
import { routeAnswers } from '../route-responses';
import { primeRoute } from '../validation-hook';

/** GET /openapi.json: the OpenAPI 3.1 document of every route, with this service's limits. */
export function openApiRoute(document: () => object) {
  const route = createRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApi',
    summary: 'This document',

    responses: routeAnswers(
      z.record(z.string(), z.unknown()).openapi({ description: 'An OpenAPI 3.1 document.' }),
      'The OpenAPI 3.1 document.',
      { store: false, etag: true },
    ),
  });
  let body: string | undefined;
  return primeRoute(route, () =>
    jsonResponse(200, (body ??= JSON.stringify(document())), { cacheable: false }),
  );
}
