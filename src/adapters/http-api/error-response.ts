import { DeadlineReachedError } from '../../domain/errors/deadline-reached-error';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import { NoSuchPrimeError } from '../../domain/errors/no-such-prime-error';
import type { Logger } from '../../ports/logger';
import { ApiError } from './api-error';
import { ERROR_TABLE, isErrorCode } from './error-table';
import { jsonResponse } from './json-response';

export interface ErrorResponseOptions {
  readonly logger: Logger;
  /** Seconds a caller should wait before retrying a 503. */
  readonly retryAfterSeconds: number;
}

/** The answer to any error, by the error table: its status, its body, and nothing internal. */
export function errorResponse(error: unknown, options: ErrorResponseOptions): Response {
  const raw = codeOf(error);
  const code = isErrorCode(raw) ? raw : 'INTERNAL';
  const mapping: (typeof ERROR_TABLE)[typeof code] = ERROR_TABLE[code];
  if (!mapping.expose) options.logger.error({ err: error, code: raw }, 'request failed');

  const body: Record<string, unknown> = { code };
  if (error instanceof InvalidParameterError || error instanceof NoSuchPrimeError) {
    body.field = error.field;
  }
  body.message =
    mapping.expose && error instanceof Error
      ? error.message
      : 'publicMessage' in mapping
        ? mapping.publicMessage
        : undefined;
  if (error instanceof DeadlineReachedError && error.progress !== undefined) {
    body.progress = { count: error.progress.count, lastPrime: error.progress.lastPrime };
  }

  const headers: Record<string, string> = error instanceof ApiError ? { ...error.headers } : {};
  if ('retry' in mapping) headers['retry-after'] = String(options.retryAfterSeconds);
  return jsonResponse(mapping.status, JSON.stringify({ error: body }), { headers });
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
