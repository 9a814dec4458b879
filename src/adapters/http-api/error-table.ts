import { z } from '@hono/zod-openapi';

/**
 * The one table from an error's stable code to its HTTP status. `expose` says whether the
 * error's own message may reach the caller; the others get `publicMessage`, and the details go
 * to the log only, since store and SDK messages name tables, chunks and endpoints. The error
 * code union, the error answers and their OpenAPI schemas are all read from it.
 */
export const ERROR_TABLE = {
  INVALID_PARAMETER: {
    status: 400,
    expose: true,
    summary: 'A parameter broke a rule; `field` names it.',
  },
  NOT_FOUND: {
    status: 404,
    expose: true,
    summary: 'No route has this path (the routes are the paths of this document).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    expose: true,
    summary: 'The path answers GET only; `Allow` says so.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    expose: true,
    summary: 'The request carried a body over the cap (no route reads one).',
  },
  STORE_CORRUPT: {
    status: 500,
    expose: false,
    publicMessage: 'the prime store holds a corrupt chunk, which is never served',
    summary: 'A stored chunk failed its checks and is not served.',
  },
  INTERNAL: {
    status: 500,
    expose: false,
    publicMessage: 'internal error',
    summary: 'An unexpected failure; the service log has the cause.',
  },
  DEADLINE_REACHED: {
    status: 503,
    expose: true,
    retry: true,
    summary:
      'The deadline stopped the store extension this answer needed. What was found is saved ' +
      '(`progress`); retry after `Retry-After` seconds and the next call continues.',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    expose: false,
    retry: true,
    publicMessage: 'the prime store is unavailable; try again shortly',
    summary: 'The store did not answer; retry after `Retry-After` seconds.',
  },
} as const satisfies Readonly<Record<string, ErrorMapping>>;

interface ErrorMapping {
  readonly status: 400 | 404 | 405 | 413 | 500 | 503;
  readonly expose: boolean;
  readonly publicMessage?: string;
  readonly retry?: boolean;
  readonly summary: string;
}

export type ErrorCode = keyof typeof ERROR_TABLE;
export type ErrorStatus = (typeof ERROR_TABLE)[ErrorCode]['status'];
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

export function isErrorCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && Object.hasOwn(ERROR_TABLE, code);
}

export function codesOfStatus(status: ErrorStatus): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_TABLE[code].status === status);
}

const bodySchemas = new Map<ErrorStatus, ReturnType<typeof makeErrorBodySchema>>();

/** The body of every error answer of `status`, with the codes that status carries. */
export function errorBodySchema(status: ErrorStatus) {
  let schema = bodySchemas.get(status);
  if (!schema) bodySchemas.set(status, (schema = makeErrorBodySchema(status)));
  return schema;
}

function makeErrorBodySchema(status: ErrorStatus) {
  const codes = codesOfStatus(status);
  const error = z.object({
    code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
    ...(status === 400
      ? { field: z.string().openapi({ description: 'The parameter at fault.' }) }
      : {}),
    message: z.string(),
    ...(status === 503
      ? {
          progress: z
            .object({ count: z.number().int(), lastPrime: z.number().int() })
            .optional()
            .openapi({ description: 'How far the store now reaches (DEADLINE_REACHED only).' }),
        }
      : {}),
  });
  return z.object({ error }).openapi(`Error${status}`);
}
