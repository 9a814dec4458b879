import type { ApiResponse, HttpApi } from '../../../src/adapters/http-api/api-types';
import { parseQueryString, splitRequestTarget } from '../../../src/adapters/http-api/query-string';

export interface ParsedResponse extends ApiResponse {
  readonly json: unknown;
}

/** Sends `target` ("/primes?max=10") to the api as a transport would, and parses the answer. */
export async function call(
  api: HttpApi,
  target: string,
  options: { method?: string; deadline?: number } = {},
): Promise<ParsedResponse> {
  const { path, rawQuery } = splitRequestTarget(target);
  const response = await api.handle({
    method: options.method ?? 'GET',
    path,
    query: parseQueryString(rawQuery),
    deadline: options.deadline ?? Date.now() + 60_000,
  });
  return { ...response, json: JSON.parse(response.body) as unknown };
}
