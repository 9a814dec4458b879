import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import {
  startLocalServer,
  type LocalServer,
} from '../../../src/adapters/local-server/local-server';
import { createLambdaHandler } from '../../../src/adapters/lambda/lambda-handler';
import { memoryUseCases } from '../../support/memory-use-cases';
import { primesBetween } from '../../support/reference-primes';
import { silentLogger } from '../../support/silent-logger';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { httpApiEvent, lambdaContext } from '../lambda/lambda-events';
import { call } from './api-client';

const service = memoryUseCases({ chunkCapacity: 1_024 });
const app = createPrimesApp(service.useCases, {
  logger: silentLogger,
  docsAssetsDir: DOCS_ASSETS_DIR,
});
const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

describe('CORS: a public read-only API', () => {
  it('lets any origin GET, and exposes the validators', async () => {
    const answer = await call(app, '/primes?max=10', {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-expose-headers']).toMatch(/ETag/);
  });

  it('answers a preflight with the methods and headers allowed', async () => {
    const answer = await call(app, '/primes?max=10', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-methods']).toBe('GET');
    expect(answer.headers['access-control-allow-headers']).toBe('if-none-match');
  });

  it('still refuses an OPTIONS that is no preflight (405, Allow: GET)', async () => {
    const answer = await call(app, '/primes', { method: 'OPTIONS' });
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET']);
  });
});

describe('ETags', () => {
  it('gives an immutable answer a strong ETag, and a matching If-None-Match a 304', async () => {
    const first = await call(app, '/primes/nth/100');
    const tag = first.headers.etag;
    expect(tag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await call(app, '/primes/nth/100', { headers: { 'if-none-match': tag } });
    expect([again.status, again.body, again.headers.etag]).toEqual([304, '', tag]);
    expect(again.headers['cache-control']).toBe('public, max-age=86400, immutable');
    // A browser revalidating across origins reads this 304, and needs it allowed as the 200 was.
    const crossOrigin = await call(app, '/primes/nth/100', {
      headers: { 'if-none-match': tag, origin: 'https://docs.example' },
    });
    expect(crossOrigin.status).toBe(304);
    expect(crossOrigin.headers['access-control-allow-origin']).toBe('*');
    expect(crossOrigin.headers['access-control-expose-headers']).toMatch(/ETag/);
    // Another answer has another tag, so the old one does not match it.
    const other = await call(app, '/primes/nth/101', { headers: { 'if-none-match': tag } });
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(tag);
  });

  it('tags each coding apart: the gzip answer is its own representation', async () => {
    const plain = await call(app, '/primes?max=20000');
    const gzip = await call(app, '/primes?max=20000', { headers: GZIP, raw: true });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(gzip.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await call(app, '/primes?max=20000', {
      headers: { ...GZIP, 'if-none-match': gzip.headers.etag },
    });
    expect(revalidated.status).toBe(304);
  });

  it.each(['/store', '/health'])('gives %s, which changes, no ETag', async (target) => {
    const answer = await call(app, target);
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBeUndefined();
    const again = await call(app, target, { headers: { 'if-none-match': '*' } });
    expect(again.status).toBe(200);
  });

  it('gives errors no ETag', async () => {
    expect((await call(app, '/primes?max=1e3')).headers.etag).toBeUndefined();
  });
});

describe('compression', () => {
  it('gzips an answer over 1 KiB when Accept-Encoding allows, and says so', async () => {
    const answer = await call(app, '/primes?max=100000', { headers: GZIP, raw: true });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    const primes = JSON.parse(gunzipSync(answer.bytes).toString('utf8')) as { primes: number[] };
    expect(primes.primes).toEqual(primesBetween(0, 100_000));
    expect(answer.bytes.length).toBeLessThan(JSON.stringify(primes).length / 2);
  });

  it('leaves an answer under 1 KiB, or a caller who did not ask, uncompressed', async () => {
    const small = await call(app, '/primes?max=100', { headers: GZIP });
    expect(small.headers['content-encoding']).toBeUndefined();
    const unasked = await call(app, '/primes?max=100000');
    expect(unasked.headers['content-encoding']).toBeUndefined();
    expect((unasked.json as { primes: number[] }).primes).toHaveLength(9_592);
  });

  describe('on the local server', () => {
    let server: LocalServer;
    beforeAll(async () => {
      server = await startLocalServer(app, { port: 0, logger: silentLogger });
    });
    afterAll(() => server.close());

    it('sends the gzip bytes over the socket, and a 304 for a matching tag', async () => {
      const answer = await rawGet(server, '/primes?max=50000', GZIP);
      expect(answer.headers['content-encoding']).toBe('gzip');
      const page = JSON.parse(gunzipSync(answer.body).toString('utf8')) as { primes: number[] };
      expect(page.primes).toEqual(primesBetween(0, 50_000));
      const tag = String(answer.headers.etag);
      const again = await rawGet(server, '/primes?max=50000', { ...GZIP, 'if-none-match': tag });
      expect([again.status, again.body.length]).toEqual([304, 0]);
    });
  });

  it('on Lambda, sends a base64 body with Content-Encoding for API Gateway to pass on', async () => {
    const handler = createLambdaHandler(app, service.useCases, {
      clock: service.clock,
      logger: silentLogger,
      deadlineMarginMs: 1_000,
    });
    const context = lambdaContext(() => 60_000);
    const result = (await handler(
      httpApiEvent('GET', '/primes?max=30000', { headers: { 'accept-encoding': 'gzip' } }),
      context,
    )) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
      isBase64Encoded: boolean;
    };
    expect([result.statusCode, result.isBase64Encoded, result.headers['content-encoding']]).toEqual(
      [200, true, 'gzip'],
    );
    const page = JSON.parse(gunzipSync(Buffer.from(result.body, 'base64')).toString('utf8')) as {
      primes: number[];
    };
    expect(page.primes).toEqual(primesBetween(0, 30_000));
    const revalidated = (await handler(
      httpApiEvent('GET', '/primes?max=30000', {
        headers: { 'accept-encoding': 'gzip', 'if-none-match': result.headers.etag },
      }),
      context,
    )) as { statusCode: number };
    expect(revalidated.statusCode).toBe(304);
  });
});

function rawGet(
  server: LocalServer,
  target: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, path: target, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}
