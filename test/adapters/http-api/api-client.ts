import type { PrimesFetch } from '../../../src/adapters/http-api/primes-env';

export interface ParsedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly json: unknown;
  readonly bytes: Buffer;
}

/** Sends `target` ("/primes?max=10") to the app as a transport would, and parses the answer. */
export async function call(
  app: PrimesFetch,
  target: string,
  options: {
    method?: string;
    deadline?: number;
    headers?: Record<string, string>;
    /** Keep the body as bytes (a compressed answer is not text). */
    raw?: boolean;
  } = {},
): Promise<ParsedResponse> {
  const request = new Request(`http://primes.test${target}`, {
    method: options.method ?? 'GET',
    headers: options.headers,
  });
  const response = await app.fetch(request, {
    deadline: options.deadline ?? Date.now() + 60_000,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries(response.headers.entries());
  const body = options.raw ? '' : bytes.toString('utf8');
  const json = body ? (JSON.parse(body) as unknown) : null;
  return { status: response.status, headers, body, json, bytes };
}
