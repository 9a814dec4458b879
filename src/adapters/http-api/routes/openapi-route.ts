import { z } from 'zod';
import type { PrimeLimits } from '../../../domain/queries/prime-limits';
import { jsonResponse } from '../json-response';
import { openApiDocument } from '../openapi-document';
import { parseQuery } from '../query-parameters';
import type { Route } from './route';

/** GET /openapi.json: the OpenAPI 3.1 description of every route, with this service's limits. */
export function openApiRoute(limits: PrimeLimits): Route {
  const body = JSON.stringify(openApiDocument(limits));
  return {
    path: '/openapi.json',
    async handle({ query }) {
      parseQuery(z.strictObject({}), query);
      return jsonResponse(200, body);
    },
  };
}
