import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../api-error';
import { routeAnswers } from '../route-responses';
import { primeRoute } from '../validation-hook';

/**
 * The files of swagger-ui-dist the page needs, served by the service itself: the page makes no
 * request to any other host. The Lambda bundle carries copies beside index.js.
 */
export const DOCS_ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;
type DocsAsset = keyof typeof DOCS_ASSETS;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>primes: API reference</title>
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;

// Relative to the page, so that it works under any base path; no validator badge, which
// would send the document to another host.
const START = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#reference',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
});
`;

const Html = z.string().openapi({ type: 'string' });

function fileAnswer(body: string | Buffer, type: string): Response {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new Response(bytes, {
    status: 200,
    headers: {
      'content-type': type,
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=3600',
    },
  });
}

/** GET /docs: the interactive reference of this API (Swagger UI) over /openapi.json. */
export function docsPageRoute() {
  const route = createRoute({
    method: 'get',
    path: '/docs',
    operationId: 'docsPage',
    summary: 'This reference as an interactive page (Swagger UI)',

    responses: {
      ...routeAnswers(Html, 'The page.', { store: false, etag: true }),
      200: {
        description: 'The page.',
        content: { 'text/html': { schema: Html } },
      },
    },
  });
  return primeRoute(route, () => fileAnswer(PAGE, 'text/html; charset=utf-8'));
}

/** GET /docs/{asset}: the scripts and styles of the page, read once from `assetsDir`. */
export function docsAssetRoute(assetsDir: string) {
  const cache = new Map<string, Promise<Buffer>>();
  const names: [string, ...string[]] = ['start.js', ...Object.keys(DOCS_ASSETS)];
  const route = createRoute({
    method: 'get',
    path: '/docs/{asset}',
    operationId: 'docsAsset',
    summary: 'A script, style or icon of the reference page',
    request: {
      params: z.strictObject({
        asset: z.enum(names, { error: `must be one of ${names.join(', ')}` }),
      }),
    },
    responses: {
      ...routeAnswers(z.string(), 'The file.', { store: false, etag: true }),
      200: {
        description: 'The file.',
        content: {
          'text/css': { schema: z.string() },
          'text/javascript': { schema: z.string() },
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
  });
  return primeRoute(route, async (c) => {
    const { asset } = c.req.valid('param');
    if (asset === 'start.js') return fileAnswer(START, 'text/javascript; charset=utf-8');
    const name = asset as DocsAsset;
    let file = cache.get(name);
    if (!file) {
      file = readFile(path.join(assetsDir, name));
      cache.set(name, file);
      // A missing file is a broken deployment: say so once, then let a later request retry.
      file.catch(() => cache.delete(name));
    }
    try {
      return fileAnswer(await file, DOCS_ASSETS[name]);
    } catch {
      throw new ApiError('NOT_FOUND', `${asset} is not installed beside this service`);
    }
  });
}
