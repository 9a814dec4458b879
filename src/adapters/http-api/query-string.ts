import type { QueryParameters } from './api-types';

/**
 * Reads a raw query string ("a=1&a=2&b=3", without "?") into every value of every parameter,
 * so that a repeated parameter stays visible and can be refused rather than silently merged.
 */
export function parseQueryString(raw: string): QueryParameters {
  // No prototype: a parameter named "__proto__" or "constructor" is just an unknown parameter.
  const query: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of new URLSearchParams(raw)) {
    (query[name] ??= []).push(value);
  }
  return query;
}

/** Splits a request target ("/primes?max=10") into its path and its query string. */
export function splitRequestTarget(target: string): { path: string; rawQuery: string } {
  const mark = target.indexOf('?');
  if (mark < 0) return { path: target, rawQuery: '' };
  return { path: target.slice(0, mark), rawQuery: target.slice(mark + 1) };
}
