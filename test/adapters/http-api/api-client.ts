import type { PrimesFetch } from '../../../src/adapters/http-api/primes-env';

export interface ParsedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly json: unknown;
}

/** Sends `target` ("/primes?max=10") to the app as a transport would, and parses the answer. */
export async function call(
  app: PrimesFetch,
  target: string,
  options: { method?: string; deadline?: number; headers?: Record<string, string> } = {},
): Promise<ParsedResponse> {
  const request = new Request(`http://primes.test${target}`, {
    method: options.method ?? 'GET',
    headers: options.headers,
  });
  const response = await app.fetch(request, {
    deadline: options.deadline ?? Date.now() + 60_000,
  });
  const body = await response.text();
  const headers = Object.fromEntries(response.headers.entries());
  return {
    status: response.status,
    headers,
    body,
    json: body ? (JSON.parse(body) as unknown) : null,
  };
}
