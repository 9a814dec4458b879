import { z } from 'zod';
import { jsonResponse } from '../json-response';
import { parseQuery } from '../query-parameters';
import type { Route } from './route';

/** GET /health: the process answers; it deliberately does not touch the store. */
export function healthRoute(): Route {
  return {
    path: '/health',
    async handle({ query }) {
      parseQuery(z.strictObject({}), query);
      return jsonResponse(200, '{"status":"ok"}');
    },
  };
}
