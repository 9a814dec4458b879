import { request as httpRequest } from 'node:http';
import type { PrimesFetch } from '../../../src/adapters/http-api/primes-env';
import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import {
  startLocalServer,
  type LocalServer,
} from '../../../src/adapters/local-server/local-server';
import { memoryUseCases, type MemoryService } from '../../support/memory-use-cases';
import { firstPrimes, primesBetween } from '../../support/reference-primes';
import { silentLogger } from '../../support/silent-logger';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over a real socket, the request target sent exactly as written. */
function send(
  server: LocalServer,
  target: string,
  options: { method?: string; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, path: target, method: options.method ?? 'GET' },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('the local HTTP server', () => {
  let service: MemoryService;
  let server: LocalServer;

  beforeEach(async () => {
    service = memoryUseCases({ chunkCapacity: 1_024 });
    const app = createPrimesApp(service.useCases, {
      docsAssetsDir: DOCS_ASSETS_DIR,
      logger: silentLogger,
    });
    server = await startLocalServer(app, {
      port: 0,
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('listens on the port it reports, on 127.0.0.1 by default', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers GET /primes?max=100 with JSON, over fetch', async () => {
    const response = await fetch(`${server.url}/primes?max=100`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ primes: Array.from(firstPrimes(25)), next: null });
  });

  it('pages through a range with cursors, equal to the reference', async () => {
    const primes: number[] = [];
    let next: string | null = null;
    do {
      const cursor: string = next === null ? '' : `&cursor=${encodeURIComponent(next)}`;
      const response = await send(server, `/primes?from=10000&to=40000&limit=500${cursor}`);
      const page = JSON.parse(response.body) as { primes: number[]; next: string | null };
      primes.push(...page.primes);
      next = page.next;
    } while (next !== null);
    expect(primes).toEqual(primesBetween(10_000, 40_000));
  });

  it('gives each request the configured budget as its deadline', async () => {
    await server.close();
    // No budget at all: any extension stops before it starts, with its (empty) progress.
    server = await startLocalServer(
      createPrimesApp(service.useCases, { docsAssetsDir: DOCS_ASSETS_DIR, logger: silentLogger }),
      {
        port: 0,
        requestTimeoutMs: 0,
        logger: silentLogger,
      },
    );
    const response = await send(server, '/primes?max=100');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: 'DEADLINE_REACHED', progress: { count: 0, lastPrime: 0 } },
    });
  });

  it('closes gracefully: the request in flight is answered, then nothing is accepted', async () => {
    await server.close();
    // An api that holds each request until the test lets it go.
    const inner = createPrimesApp(service.useCases, {
      docsAssetsDir: DOCS_ASSETS_DIR,
      logger: silentLogger,
    });
    let entered!: () => void;
    const arrived = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: PrimesFetch = {
      async fetch(request, bindings) {
        entered();
        await gate;
        return inner.fetch(request, bindings);
      },
    };
    server = await startLocalServer(held, { port: 0, logger: silentLogger });

    const inFlight = send(server, '/primes?count=20000&limit=20000');
    await arrived;
    const closed = server.close();
    release();
    const response = await inFlight;
    await closed;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).primes).toHaveLength(20_000);
    await expect(send(server, '/health')).rejects.toThrow(/ECONNREFUSED/);
  });
});
