import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { matchedRoutes } from 'hono/route';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../domain/values/prime-limits';
import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';
import type { Logger } from '../../ports/logger';
import { ApiError } from './api-error';
import { errorResponse } from './error-response';
import { primeRoutes } from './prime-routes';
import type { PrimesEnv } from './primes-env';
import { docsAssetRoute, docsPageRoute } from './routes/docs-routes';
import { openApiRoute } from './routes/openapi-route';

export interface PrimesAppOptions {
  /** Where failures the caller cannot fix (500, store unavailable) are logged. */
  readonly logger: Logger;
  /** The Retry-After of a 503, in seconds; default 1. */
  readonly retryAfterSeconds?: number;
  /** Default 16 KiB: no route takes a body, so anything larger is a mistake. */
  readonly maxBodyBytes?: number;
  /** The folder holding swagger-ui-dist's files for GET /docs. */
  readonly docsAssetsDir: string;
}

/** No route takes a body, so anything larger is a mistake. */
const DEFAULT_MAX_BODY_BYTES = 16_384;
/** Answers are compressed from this size on: below it gzip saves less than it costs. */
const COMPRESS_FROM_BYTES = 1_024;
/** What changes between two calls: no validator, so no 304 either. */
const CHANGING_PATHS = new Set(['/store', '/health']);

/** The routes and the service's own pages: what the document describes and a client calls. */
function servedRoutes(limits: PrimeLimits, docsAssetsDir: string, maxBodyBytes: number) {
  const routes = primeRoutes(limits)
    .openapi(...docsPageRoute())
    .openapi(...docsAssetRoute(docsAssetsDir));
  return routes.openapi(...openApiRoute(() => openApiDocument(routes, limits, maxBodyBytes)));
}

/** The app's type, for `hc<PrimesApp>(url)` from `hono/client`. */
export type PrimesApp = ReturnType<typeof servedRoutes>;

/**
 * The HTTP API, independent of any transport: the local server and the Lambda adapter hand it
 * a Request with its deadline and send back the Response. Every answer, errors included, is
 * JSON from the error table; it never rejects.
 */
export function createPrimesApp(useCases: PrimeUseCases, options: PrimesAppOptions): PrimesApp {
  const errorOptions = {
    logger: options.logger,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new OpenAPIHono<PrimesEnv>();
  app.onError((error) => errorResponse(error, errorOptions));
  app.notFound(() =>
    errorResponse(
      new ApiError('NOT_FOUND', 'no such route; the routes are listed at /openapi.json'),
      errorOptions,
    ),
  );
  app.use(publicReads());
  app.use((c, next) => (CHANGING_PATHS.has(c.req.path) ? next() : strongEtag(c, next)));
  app.use(compress({ threshold: COMPRESS_FROM_BYTES }));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c) => {
        throw new ApiError(
          'METHOD_NOT_ALLOWED',
          `${c.req.path} answers GET only, not ${c.req.method}`,
          {
            allow: 'GET',
          },
        );
      },
    }),
  );
  app.use(getOnly);
  app.use(bodiesUpTo(maxBodyBytes));
  app.use(namedParametersOnly);
  app.use(async (c, next) => {
    c.set('useCases', useCases);
    await next();
  });
  const routes = servedRoutes(useCases.limits, options.docsAssetsDir, maxBodyBytes);
  app.route('/', routes);
  // The outer app adds middleware and error answers only: its routes are those of `routes`,
  // whose type is what a typed client reads.
  return app as unknown as PrimesApp;
}

/** The OpenAPI 3.1 document of `routes`, limits stated as configured. */
export function openApiDocument(
  routes: OpenAPIHono<PrimesEnv>,
  limits: PrimeLimits,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
) {
  return routes.getOpenAPI31Document(
    {
      openapi: '3.1.0',
      info: {
        title: 'Primes as a service',
        version: '2.0.0',
        description:
          'Primes from a store that never computes a prime twice. Every integer parameter is ' +
          'plain decimal; unknown, repeated or conflicting parameters are refused with 400 ' +
          `naming the parameter. Values up to ${limits.maxValue}, counts up to ` +
          `${limits.maxCount}, pages of at most ${limits.maxPageSize} primes. Any origin may ` +
          'GET (CORS); answers over 1 KiB are gzip-compressed when Accept-Encoding allows; ' +
          'answers that never change carry a strong ETag and answer 304 to If-None-Match. ' +
          'A path not listed here answers 404, a method other than GET 405 with `Allow: GET`, ' +
          `and a request body over ${maxBodyBytes} bytes 413.`,
      },
    },
    { unionPreferredType: 'oneOf' },
  );
}

/** A public, read-only API: any origin may GET, and a browser's preflight is answered. */
function publicReads(): MiddlewareHandler {
  const allowAll = cors({
    origin: '*',
    allowMethods: ['GET'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 86_400,
  });
  // An OPTIONS that is not a preflight is an ordinary request with the wrong method (405).
  return (c, next) =>
    c.req.method === 'OPTIONS' && !c.req.header('access-control-request-method')
      ? next()
      : allowAll(c, next);
}

/**
 * Computed outside the compression, so that each coding has its own strong validator (gzip
 * output is the same bytes for the same input); errors and 304s carry none. A 304 keeps the
 * CORS headers of the answer it stands for: a browser that revalidates a cross-origin answer
 * reads the 304 itself, and refuses it without them.
 */
const strongEtag = etag({
  retainedHeaders: [
    ...RETAINED_304_HEADERS,
    'access-control-allow-origin',
    'access-control-expose-headers',
  ],
});

/**
 * Hono answers HEAD with its GET route; the service answers GET only, as API Gateway's routes
 * and the document say. The route is found by matching, not by running it: a HEAD of a count
 * would otherwise do the whole count only to be refused.
 */
const getOnly: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'HEAD' && matchedRoutes(c).some((route) => route.method === 'GET')) {
    throw new ApiError('METHOD_NOT_ALLOWED', `${c.req.path} answers GET only, not HEAD`, {
      allow: 'GET',
    });
  }
  return next();
};

/**
 * No route reads a body, so one over the cap is a mistake (413). Hono's bodyLimit reads the
 * body of a POST as it streams in; the Node adapter hands a GET over without its body, so a
 * GET is judged by the length it declares.
 */
function bodiesUpTo(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError('PAYLOAD_TOO_LARGE', `the request body must be at most ${maxBytes} bytes`, {
      // A refused body may still be arriving: closing the connection stops reading it.
      connection: 'close',
    });
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return (c, next) => {
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) tooLarge();
    return streamed(c, next);
  };
}

/** Hono's query reader skips a parameter without a name ("?=5"): refuse it instead. */
const namedParametersOnly: MiddlewareHandler = async (c, next) => {
  const query = c.req.url.indexOf('?');
  if (query >= 0 && new URLSearchParams(c.req.url.slice(query + 1)).has('')) {
    throw new InvalidParameterError(
      '',
      'is not a parameter of this route (a parameter needs a name)',
    );
  }
  await next();
};

/** Every path the app serves, in the document's form ("/primes/nth/{n}"): API Gateway's routes. */
export function servedPaths(): string[] {
  const limits = DEFAULT_PRIME_LIMITS;
  return Object.keys(
    openApiDocument(servedRoutes(limits, '', DEFAULT_MAX_BODY_BYTES), limits).paths ?? {},
  );
}
