import type { ErrorCode } from './error-table';

/**
 * An error of the HTTP layer itself (no route, wrong method, oversized body), with a stable
 * code that the error table maps to a status like the domain's codes.
 */
export type ApiErrorCode = Extract<
  ErrorCode,
  'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE'
>;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
