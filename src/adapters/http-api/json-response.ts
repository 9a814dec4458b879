import type { ApiResponse } from './api-types';

/** Answers that never change (a prime stays prime) may be cached by anyone, for a day. */
const CACHE_FOREVER = 'public, max-age=86400, immutable';
const NO_STORE = 'no-store';

export function jsonResponse(
  status: number,
  body: string,
  options: { cacheable?: boolean; headers?: Readonly<Record<string, string>> } = {},
): ApiResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': options.cacheable ? CACHE_FOREVER : NO_STORE,
      ...options.headers,
    },
    body,
  };
}
