import { z } from '@hono/zod-openapi';
import { ERROR_CODES, type CoreErrorCode } from '../../ports/error-codes';

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
  NO_SUCH_PRIME: {
    status: 404,
    expose: true,
    onlyWhereAsked: true,
    summary:
      'No prime below 2^64 answers: none above 18446744073709551557, none below 2; `field` ' +
      'names the value asked about.',
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
      'The deadline came first. A store extension keeps what it found (`progress`) and the ' +
      'next call continues from there; a computation keeps nothing half done (no `progress`). ' +
      'Retry after `Retry-After` seconds.',
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
  /** Answered only by the routes that ask this question, so documented only there. */
  readonly onlyWhereAsked?: boolean;
  readonly summary: string;
}

export type ErrorCode = keyof typeof ERROR_TABLE;
export type ErrorStatus = (typeof ERROR_TABLE)[ErrorCode]['status'];
export const HTTP_ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

/**
 * Every code the core raises has its status above, so that none falls through to a 500 by
 * oversight: a new code without one fails to compile here. A store gap is the one exception,
 * on purpose: it can only be a bug of ours, answered as INTERNAL.
 */
type UnansweredCoreCode = Exclude<CoreErrorCode, ErrorCode | typeof ERROR_CODES.storeGap>;
export const EVERY_CORE_CODE_ANSWERED: [UnansweredCoreCode] extends [never] ? true : never = true;

export function isErrorCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && Object.hasOwn(ERROR_TABLE, code);
}

/**
 * The codes an answer of `status` carries on a route: every code of that status, except those
 * answered only where asked, unless the route is one of them (it lists them in `asked`).
 */
export function codesOfStatus(status: ErrorStatus, asked: readonly ErrorCode[] = []): ErrorCode[] {
  return HTTP_ERROR_CODES.filter((code) => {
    const mapping: ErrorMapping = ERROR_TABLE[code];
    return mapping.status === status && (!mapping.onlyWhereAsked || asked.includes(code));
  });
}

/** The codes whose answers name a field. */
const NAMING_A_FIELD: readonly ErrorCode[] = [
  ERROR_CODES.invalidParameter,
  ERROR_CODES.noSuchPrime,
];

const bodySchemas = new Map<string, ReturnType<typeof makeErrorBodySchema>>();

/** The body of every error answer of `status`, with the codes it carries on the route. */
export function errorBodySchema(status: ErrorStatus, asked: readonly ErrorCode[] = []) {
  const codes = codesOfStatus(status, asked);
  const extra = codes.filter((code) => !codesOfStatus(status).includes(code));
  const name = `Error${status}${extra.map(pascalCase).join('')}`;
  let schema = bodySchemas.get(name);
  if (!schema) bodySchemas.set(name, (schema = makeErrorBodySchema(status, codes, name)));
  return schema;
}

function makeErrorBodySchema(status: ErrorStatus, codes: readonly ErrorCode[], name: string) {
  const named = codes.filter((code) => NAMING_A_FIELD.includes(code));
  const field = z.string().openapi({ description: 'The parameter at fault, or asked about.' });
  const error = z.object({
    code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
    ...(named.length === codes.length
      ? { field }
      : named.length > 0
        ? { field: field.optional() }
        : {}),
    message: z.string(),
    ...(status === 503
      ? {
          progress: z
            .object({ count: z.number().int(), lastPrime: z.number().int() })
            .optional()
            .openapi({
              description:
                'How far the store now reaches (DEADLINE_REACHED of a store extension only).',
            }),
        }
      : {}),
  });
  return z.object({ error }).openapi(name);
}

function pascalCase(code: ErrorCode): string {
  return code
    .toLowerCase()
    .replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
