import type { PrimesFetch } from '../../../src/adapters/http-api/primes-env';
import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { encodePageCursor } from '../../../src/domain/values/page-cursor';
import type { Logger } from '../../../src/ports/logger';
import { StoreCorruptError, StoreUnavailableError } from '../../../src/ports/store-errors';
import { memoryUseCases, tickingClock, type MemoryService } from '../../support/memory-use-cases';
import { firstPrimes, primesBetween } from '../../support/reference-primes';
import { call } from './api-client';
import { silentLogger } from '../../support/silent-logger';

interface ErrorBody {
  error: { code: string; field?: string; message: string; progress?: object };
}

function recordingLogger(): Logger & { errors: object[] } {
  const errors: object[] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (fields) => errors.push(fields) };
}

describe('the HTTP API', () => {
  let service: MemoryService;
  let api: PrimesFetch;

  beforeEach(() => {
    service = memoryUseCases({ chunkCapacity: 1_024 });
    api = createPrimesApp(service.useCases, {
      docsAssetsDir: DOCS_ASSETS_DIR,
      logger: silentLogger,
    });
  });

  describe('GET /primes', () => {
    it('answers max=100 with the 25 primes <= 100 and no next page', async () => {
      const response = await call(api, '/primes?max=100');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.json).toEqual({ primes: Array.from(firstPrimes(25)), next: null });
    });

    it('answers max=0 and max=1 with no primes, max=2 with [2]', async () => {
      expect((await call(api, '/primes?max=0')).json).toEqual({ primes: [], next: null });
      expect((await call(api, '/primes?max=1')).json).toEqual({ primes: [], next: null });
      expect((await call(api, '/primes?max=2')).json).toEqual({ primes: [2], next: null });
    });

    it('answers the 78,498 primes below 1e6 in one page, equal to the reference', async () => {
      const response = await call(api, '/primes?max=1000000&limit=100000');
      expect(response.json).toEqual({ primes: primesBetween(0, 1_000_000), next: null });
    });

    it('pages through a value range with cursors, end to end equal to the reference', async () => {
      const pages = await pageThrough(api, '/primes?from=1000&to=60000&limit=997');
      expect(pages.count).toBe(Math.ceil(primesBetween(1_000, 60_000).length / 997));
      expect(pages.primes).toEqual(primesBetween(1_000, 60_000));
    });

    it('pages through the first n primes with cursors', async () => {
      const pages = await pageThrough(api, '/primes?count=5000&limit=700');
      expect(pages.count).toBe(8);
      expect(pages.primes).toEqual(Array.from(firstPrimes(5_000)));
    });

    it('pages through max=N as through from=0&to=N', async () => {
      const byMax = await pageThrough(api, '/primes?max=30000&limit=1000');
      const byRange = await pageThrough(api, '/primes?from=0&to=30000&limit=1000');
      expect(byMax.primes).toEqual(primesBetween(0, 30_000));
      expect(byRange.primes).toEqual(byMax.primes);
    });

    it('takes to alone as from=0', async () => {
      expect((await call(api, '/primes?to=30')).json).toEqual({
        primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29],
        next: null,
      });
    });

    it('refuses a forged or foreign cursor with 400 naming cursor', async () => {
      const first = (await call(api, '/primes?max=1000&limit=10')).json as { next: string };
      // The prime at position 9 is 29, not 31: the cursor does not match the store.
      const forged = encodePageCursor({ position: 10, after: 31 });
      // A genuine cursor of another range: its prime lies outside 2000..3000.
      const cursors = ['forged', forged, first.next];
      for (const cursor of cursors) {
        const response = await call(api, `/primes?from=2000&to=3000&cursor=${cursor}`);
        expect(response.status).toBe(400);
        expect((response.json as ErrorBody).error).toMatchObject({
          code: 'INVALID_PARAMETER',
          field: 'cursor',
        });
      }
    });
  });

  it('GET /primes/nth/{n} answers the n-th prime, 1-based', async () => {
    expect((await call(api, '/primes/nth/1')).json).toEqual({ n: 1, prime: 2 });
    expect((await call(api, '/primes/nth/10000')).json).toEqual({ n: 10_000, prime: 104_729 });
  });

  it('GET /primes/count answers pi over [from, to]', async () => {
    expect((await call(api, '/primes/count?to=1000000')).json).toEqual({
      from: 0,
      to: 1_000_000,
      count: 78_498,
    });
    expect((await call(api, '/primes/count?from=100&to=200')).json).toEqual({
      from: 100,
      to: 200,
      count: primesBetween(100, 200).length,
    });
    expect((await call(api, '/primes/count?from=13&to=13')).json).toEqual({
      from: 13,
      to: 13,
      count: 1,
    });
  });

  it('GET /is-prime/{n} answers within the store and beyond it', async () => {
    await call(api, '/primes?max=200000&limit=100000');
    const cases: Array<[number, boolean]> = [
      [0, false],
      [1, false],
      [2, true],
      [104_729, true],
      [104_730, false],
      [199_999, true],
      [999_983, true], // beyond the store: Miller-Rabin
      [9_007_199_254_740_881, true], // the largest prime below 2^53
      [9_007_199_254_740_991, false], // 2^53 - 1 = 6361 * 69431 * 20394401
    ];
    for (const [n, isPrime] of cases) {
      expect((await call(api, `/is-prime/${n}`)).json).toEqual({ n, isPrime });
    }
  });

  it('GET /store describes the store', async () => {
    await call(api, '/primes?max=100');
    const response = await call(api, '/store');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ engine: 'memory', chunkCapacity: 1_024 });
    const { count, lastPrime } = await service.repository.reach();
    expect(response.json).toMatchObject({ count, lastPrime });
    expect(count).toBeGreaterThanOrEqual(25);
  });

  it('GET /health answers ok', async () => {
    const response = await call(api, '/health');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json is an OpenAPI 3.1 document of every route', async () => {
    const response = await call(api, '/openapi.json');
    const document = response.json as { openapi: string; paths: Record<string, object> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/primes',
        '/primes/nth/{n}',
        '/primes/count',
        '/primes/next/{n}',
        '/primes/previous/{n}',
        '/is-prime/{n}',
        '/store',
        '/health',
        '/openapi.json',
        '/docs',
        '/docs/{asset}',
      ].sort(),
    );
  });

  describe('failures', () => {
    it('answers a deadline stop with 503, Retry-After and the progress; the next call finishes', async () => {
      // Each clock read moves 50 ms: the deadline 300 ms ahead comes after the first chunk.
      service = memoryUseCases({ chunkCapacity: 1_024, clock: tickingClock(50) });
      api = createPrimesApp(service.useCases, {
        docsAssetsDir: DOCS_ASSETS_DIR,
        logger: silentLogger,
        retryAfterSeconds: 2,
      });
      const stopped = await call(api, '/primes?count=50000&limit=100000', {
        deadline: service.clock.now() + 300,
      });
      expect(stopped.status).toBe(503);
      expect(stopped.headers['retry-after']).toBe('2');
      const { error } = stopped.json as ErrorBody;
      const reach = await service.repository.reach();
      expect(reach.count).toBeGreaterThan(0);
      expect(reach.count).toBeLessThan(50_000);
      expect(error).toMatchObject({ code: 'DEADLINE_REACHED', progress: reach });
      expect(error.message).toContain(String(reach.count));

      const finished = await call(api, '/primes?count=50000&limit=100000', {
        deadline: service.clock.now() + 3_600_000,
      });
      expect(finished.status).toBe(200);
      expect((finished.json as { primes: number[] }).primes).toEqual(
        Array.from(firstPrimes(50_000)),
      );
    });

    it('answers an unavailable store with 503 and a message free of its internals', async () => {
      const logger = recordingLogger();
      api = createPrimesApp(service.useCases, { docsAssetsDir: DOCS_ASSETS_DIR, logger });
      jest
        .spyOn(service.repository, 'reach')
        .mockRejectedValue(
          new StoreUnavailableError('connect ECONNREFUSED http://secret-host:8000'),
        );
      const response = await call(api, '/primes?max=10');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect((response.json as ErrorBody).error.code).toBe('STORE_UNAVAILABLE');
      expect(response.body).not.toContain('secret-host');
      expect(logger.errors).toHaveLength(1);
    });

    it('answers a corrupt store with 500 STORE_CORRUPT', async () => {
      jest
        .spyOn(service.repository, 'readPrimes')
        .mockRejectedValue(new StoreCorruptError(3, 'checksum mismatch'));
      await service.useCases.extendPrimes.execute({ count: 10 });
      const response = await call(api, '/primes/nth/5');
      expect(response.status).toBe(500);
      expect((response.json as ErrorBody).error.code).toBe('STORE_CORRUPT');
    });

    it('answers anything unexpected with a generic 500: no message, no stack', async () => {
      const logger = recordingLogger();
      api = createPrimesApp(service.useCases, { docsAssetsDir: DOCS_ASSETS_DIR, logger });
      jest
        .spyOn(service.repository, 'describe')
        .mockRejectedValue(new TypeError('cannot read secretField of undefined'));
      const response = await call(api, '/store');
      expect(response.status).toBe(500);
      expect(response.json).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
      expect(logger.errors).toHaveLength(1);
    });
  });
});

/** Follows `next` from the first page to the last; the primes of all pages, in order. */
async function pageThrough(api: PrimesFetch, target: string) {
  const primes: number[] = [];
  let count = 0;
  let cursor: string | null = null;
  do {
    const url: string = cursor === null ? target : `${target}&cursor=${cursor}`;
    const response = await call(api, url);
    expect(response.status).toBe(200);
    const page = response.json as { primes: number[]; next: string | null };
    primes.push(...page.primes);
    cursor = page.next;
    count++;
  } while (cursor !== null);
  return { primes, count };
}
