import { z } from 'zod';
import type { PrimeUseCases } from '../../../domain/use-cases/prime-use-cases';
import { jsonResponse } from '../json-response';
import { parseQuery } from '../query-parameters';
import type { Route } from './route';

/** GET /store: how far the store reaches and the capacity it has consumed. */
export function storeRoute({ describeStore }: PrimeUseCases): Route {
  return {
    path: '/store',
    async handle({ query }) {
      parseQuery(z.strictObject({}), query);
      return jsonResponse(200, JSON.stringify(await describeStore.execute()));
    },
  };
}
