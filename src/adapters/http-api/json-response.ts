/** Answers that never change (a prime stays prime) may be cached by anyone, for a day. */
const CACHE_FOREVER = 'public, max-age=86400, immutable';
const NO_STORE = 'no-store';

/**
 * A JSON answer with its Content-Length, which the compression middleware reads to leave
 * answers under its threshold as they are.
 */
export function jsonResponse(
  status: number,
  body: string,
  options: { cacheable?: boolean; headers?: Readonly<Record<string, string>> } = {},
): Response {
  const bytes = Buffer.from(body, 'utf8');
  return new Response(bytes, {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
      'cache-control': options.cacheable ? CACHE_FOREVER : NO_STORE,
      ...options.headers,
    },
  });
}
