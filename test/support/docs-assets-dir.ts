import path from 'node:path';

/** swagger-ui-dist as installed: what GET /docs serves outside the Lambda bundle. */
export const DOCS_ASSETS_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
