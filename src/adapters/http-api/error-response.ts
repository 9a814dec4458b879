import { DeadlineReachedError } from '../../domain/errors/deadline-reached-error';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import type { Logger } from '../../ports/logger';
import { ApiError } from './api-error';
import type { ApiResponse } from './api-types';
import { jsonResponse } from './json-response';

/**
 * The one table from an error's stable code to its HTTP status. `expose` says whether the
 * error's own message may reach the caller; the others get `publicMessage`, and the details go
 * to the log only, since store and SDK messages name tables, chunks and endpoints.
 */
interface ErrorMapping {
  readonly status: number;
  readonly expose: boolean;
  readonly publicMessage?: string;
  readonly retry?: boolean;
}

const ERROR_TABLE: Readonly<Record<string, ErrorMapping>> = {
  INVALID_PARAMETER: { status: 400, expose: true },
  NOT_FOUND: { status: 404, expose: true },
  METHOD_NOT_ALLOWED: { status: 405, expose: true },
  PAYLOAD_TOO_LARGE: { status: 413, expose: true },
  DEADLINE_REACHED: { status: 503, expose: true, retry: true },
  STORE_CORRUPT: {
    status: 500,
    expose: false,
    publicMessage: 'the prime store holds a corrupt chunk, which is never served',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    expose: false,
    publicMessage: 'the prime store is unavailable; try again shortly',
    retry: true,
  },
};

const INTERNAL: ErrorMapping = { status: 500, expose: false, publicMessage: 'internal error' };

export interface ErrorResponseOptions {
  readonly logger: Logger;
  /** Seconds a caller should wait before retrying a 503. */
  readonly retryAfterSeconds: number;
}

export function errorResponse(error: unknown, options: ErrorResponseOptions): ApiResponse {
  const code = codeOf(error);
  const known = code !== undefined && Object.hasOwn(ERROR_TABLE, code);
  const mapping = known ? ERROR_TABLE[code] : INTERNAL;
  if (!mapping.expose) options.logger.error({ err: error, code }, 'request failed');

  const body: Record<string, unknown> = { code: known ? code : 'INTERNAL' };
  if (error instanceof InvalidParameterError) body.field = error.field;
  body.message = mapping.expose && error instanceof Error ? error.message : mapping.publicMessage;
  if (error instanceof DeadlineReachedError) {
    body.progress = { count: error.progress.count, lastPrime: error.progress.lastPrime };
  }

  const headers: Record<string, string> = error instanceof ApiError ? { ...error.headers } : {};
  if (mapping.retry) headers['retry-after'] = String(options.retryAfterSeconds);
  return jsonResponse(mapping.status, JSON.stringify({ error: body }), { headers });
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
