import type { RouteConfig, z } from '@hono/zod-openapi';
import {
  ERROR_TABLE,
  codesOfStatus,
  errorBodySchema,
  type ErrorCode,
  type ErrorStatus,
} from './error-table';

type ResponseConfig = Exclude<RouteConfig['responses'][string], { $ref: string }>;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;

const ETAG = {
  ETag: { description: 'A strong validator of this answer.', schema: { type: 'string' } },
} as const;

function errorAnswer(status: ErrorStatus, asked: readonly ErrorCode[]): ResponseConfig {
  const codes = codesOfStatus(status, asked);
  return {
    description: codes.map((code) => `\`${code}\`: ${ERROR_TABLE[code].summary}`).join(' '),
    content: { 'application/json': { schema: errorBodySchema(status, asked) } },
    ...(status === 503 ? { headers: RETRY_AFTER } : {}),
    ...(status === 405
      ? { headers: { Allow: { description: 'Always GET.', schema: { type: 'string' } } } }
      : {}),
  };
}

export interface AnswerOptions {
  /** The route reads the store, so it may meet a deadline or an unavailable store (503). */
  readonly store: boolean;
  /** Immutable answers carry a strong ETag and answer 304 to a matching If-None-Match. */
  readonly etag: boolean;
  readonly links?: ResponseConfig['links'];
  /** Codes this route answers beyond those of every route (NO_SUCH_PRIME). */
  readonly asked?: readonly ErrorCode[];
}

/**
 * Every status a GET route can answer, with its body: the 200, the 304 of a matching ETag,
 * and the errors of the error table (404, 405 and 413 come from the path, the method or a body,
 * not from the route's own parameters, but a caller of any route can meet them).
 */
export function routeAnswers<Schema extends z.ZodType>(
  schema: Schema,
  description: string,
  options: AnswerOptions,
) {
  const statuses: ErrorStatus[] = [
    400,
    404,
    405,
    413,
    500,
    ...(options.store ? [503 as const] : []),
  ];
  return {
    200: {
      description,
      content: { 'application/json': { schema } },
      headers: options.etag ? ETAG : undefined,
      links: options.links,
    },
    ...(options.etag
      ? { 304: { description: 'Not modified: the If-None-Match matched the ETag.', headers: ETAG } }
      : {}),
    ...Object.fromEntries(
      statuses.map((status) => [status, errorAnswer(status, options.asked ?? [])]),
    ),
  };
}
