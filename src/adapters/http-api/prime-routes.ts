import { OpenAPIHono } from '@hono/zod-openapi';
import type { PrimeLimits } from '../../domain/values/prime-limits';
import type { PrimesEnv } from './primes-env';
import { countPrimesRoute } from './routes/count-primes-route';
import { healthRoute } from './routes/health-route';
import { isPrimeRoute } from './routes/is-prime-route';
import { listPrimesRoute } from './routes/list-primes-route';
import { neighbourPrimeRoute } from './routes/neighbour-prime-routes';
import { nthPrimeRoute } from './routes/nth-prime-route';
import { storeRoute } from './routes/store-route';

/**
 * Every route of the service, each one definition (path, parameters, answers) with its
 * handler: the validation, the OpenAPI document, the typed client and the routes API Gateway
 * is given are all read from this list. A new route is one file under routes/ and one line here.
 */
export function primeRoutes(limits: PrimeLimits) {
  return new OpenAPIHono<PrimesEnv>()
    .openapi(...listPrimesRoute(limits))
    .openapi(...nthPrimeRoute(limits))
    .openapi(...countPrimesRoute(limits))
    .openapi(...neighbourPrimeRoute('/primes/next/{n}'))
    .openapi(...neighbourPrimeRoute('/primes/previous/{n}'))
    .openapi(...isPrimeRoute())
    .openapi(...storeRoute())
    .openapi(...healthRoute());
}
