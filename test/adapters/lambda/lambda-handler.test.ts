import { createPrimesApp } from '../../../src/adapters/http-api/primes-app';
import { DOCS_ASSETS_DIR } from '../../support/docs-assets-dir';
import { DirectInvokeError } from '../../../src/adapters/lambda/direct-invoke-error';
import {
  createLambdaHandler,
  type LambdaHandler,
  type LambdaHandlerOptions,
} from '../../../src/adapters/lambda/lambda-handler';
import { memoryUseCases, tickingClock, type MemoryService } from '../../support/memory-use-cases';
import { firstPrimes, primesBetween } from '../../support/reference-primes';
import { httpApiEvent, lambdaContext } from './lambda-events';
import { silentLogger } from '../../support/silent-logger';

const plentyOfTime = lambdaContext(() => 900_000);

interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

function handlerOver(
  service: MemoryService,
  options: Partial<LambdaHandlerOptions> = {},
): LambdaHandler {
  const api = createPrimesApp(service.useCases, {
    docsAssetsDir: DOCS_ASSETS_DIR,
    logger: silentLogger,
  });
  return createLambdaHandler(api, service.useCases, {
    clock: service.clock,
    logger: silentLogger,
    deadlineMarginMs: 1_000,
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<DirectInvokeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DirectInvokeError);
  return error as DirectInvokeError;
}

describe('the Lambda handler', () => {
  let service: MemoryService;
  let handler: LambdaHandler;

  beforeEach(() => {
    service = memoryUseCases({ chunkCapacity: 1_024 });
    handler = handlerOver(service);
  });

  describe('direct invoke', () => {
    it('answers {"max": 100} with the bare array of the 25 primes <= 100', async () => {
      const answer = await handler({ max: 100 }, plentyOfTime);
      expect(answer).toEqual(Array.from(firstPrimes(25)));
    });

    it('answers {"max": 20000} with 2,262 primes, and again from the store alone', async () => {
      const first = await handler({ max: 20_000 }, plentyOfTime);
      expect(first).toEqual(primesBetween(0, 20_000));
      expect(first).toHaveLength(2_262);

      const reachAfterFirst = await service.repository.reach();
      const append = jest.spyOn(service.repository, 'appendPrimes');
      const second = await handler({ max: 20_000 }, plentyOfTime);
      expect(second).toEqual(first);
      expect(append).not.toHaveBeenCalled();
      expect(await service.repository.reach()).toEqual(reachAfterFirst);
    });

    it('answers lists larger than one page (max 300,000, pages of 10,000)', async () => {
      service = memoryUseCases({ chunkCapacity: 4_096, limits: { maxPageSize: 10_000 } });
      handler = handlerOver(service);
      const answer = (await handler({ max: 300_000 }, plentyOfTime)) as number[];
      expect(answer).toEqual(primesBetween(0, 300_000));
    });

    it('stops at the deadline with an error naming the progress; the next invoke finishes', async () => {
      // Each clock read moves 50 ms: 300 ms remaining allow the first chunk and no more.
      service = memoryUseCases({ chunkCapacity: 4_096, clock: tickingClock(50) });
      handler = handlerOver(service, { clock: service.clock, deadlineMarginMs: 0 });
      const error = await rejection(
        handler(
          { max: 1_000_000 },
          lambdaContext(() => 300),
        ),
      );
      const reach = await service.repository.reach();
      expect(error.name).toBe('DEADLINE_REACHED');
      expect(reach.count).toBeGreaterThan(0);
      expect(reach.count).toBeLessThan(78_498);
      expect(error.message).toContain(`${reach.count} primes up to ${reach.lastPrime}`);
      expect(error.stack).not.toMatch(/\n\s+at /);

      const answer = await handler(
        { max: 1_000_000 },
        lambdaContext(() => 3_600_000),
      );
      expect(answer).toEqual(primesBetween(0, 1_000_000));
    });

    it('keeps the margin back from the remaining time', async () => {
      handler = handlerOver(service, { deadlineMarginMs: 1_000 });
      // 500 ms remaining minus a 1,000 ms margin: no time to compute anything.
      const error = await rejection(
        handler(
          { max: 100 },
          lambdaContext(() => 500),
        ),
      );
      expect(error.name).toBe('DEADLINE_REACHED');
      // What the store already holds needs no time.
      await handler({ max: 100 }, plentyOfTime);
      expect(
        await handler(
          { max: 50 },
          lambdaContext(() => 500),
        ),
      ).toHaveLength(15);
    });

    it('refuses max beyond the cap with an error pointing to the paged HTTP API', async () => {
      const error = await rejection(handler({ max: 10_000_001 }, plentyOfTime));
      expect(error.name).toBe('INVALID_PARAMETER');
      expect(error.message).toMatch(/^max must be at most 10000000/);
      expect(error.message).toContain('GET /primes?to=10000001');

      handler = handlerOver(service, { directInvokeMaxValue: 1_000 });
      expect((await rejection(handler({ max: 1_001 }, plentyOfTime))).message).toMatch(
        /^max must be at most 1000 /,
      );
      expect(await handler({ max: 1_000 }, plentyOfTime)).toHaveLength(168);
    });

    it('refuses an API Gateway REST (payload 1.0) event rather than reading it as {"max"}', async () => {
      const restEvent = {
        resource: '/primes',
        path: '/primes',
        httpMethod: 'GET',
        queryStringParameters: { max: '10' },
        requestContext: { stage: 'prod' },
      };
      expect((await rejection(handler(restEvent, plentyOfTime))).name).toBe('UNSUPPORTED_EVENT');
    });
  });

  describe('API Gateway HTTP API (payload 2.0)', () => {
    async function send(event: object, context = plentyOfTime): Promise<HttpResult> {
      return (await handler(event, context)) as HttpResult;
    }

    it('answers GET /primes?max=100 with a page of the 25 primes', async () => {
      const result = await send(httpApiEvent('GET', '/primes?max=100'));
      expect(result.statusCode).toBe(200);
      expect(result.headers['content-type']).toBe('application/json');
      expect(JSON.parse(result.body)).toEqual({ primes: Array.from(firstPrimes(25)), next: null });
    });

    it('pages with the cursor through the same event shape', async () => {
      const primes: number[] = [];
      let next: string | null = null;
      do {
        const cursor: string = next === null ? '' : `&cursor=${next}`;
        const result = await send(
          httpApiEvent('GET', `/primes?from=100&to=5000&limit=150${cursor}`),
        );
        const page = JSON.parse(result.body) as { primes: number[]; next: string | null };
        primes.push(...page.primes);
        next = page.next;
      } while (next !== null);
      expect(primes).toEqual(primesBetween(100, 5_000));
    });

    it('strips a named stage from rawPath', async () => {
      const result = await send(httpApiEvent('GET', '/is-prime/91', { stage: 'prod' }));
      expect(JSON.parse(result.body)).toEqual({ n: 91, isPrime: false });
    });

    it("gives each event the invocation's remaining time, less the margin, as its deadline", async () => {
      handler = handlerOver(service, { deadlineMarginMs: 1_000 });
      const event = httpApiEvent('GET', '/primes?max=100');
      // 500 ms remaining minus a 1,000 ms margin: the extension stops before it starts.
      const stopped = await send(
        event,
        lambdaContext(() => 500),
      );
      expect(stopped.statusCode).toBe(503);
      expect(stopped.headers['retry-after']).toBe('1');
      expect(JSON.parse(stopped.body)).toMatchObject({
        error: { code: 'DEADLINE_REACHED', progress: { count: 0, lastPrime: 0 } },
      });
      const answered = await send(
        event,
        lambdaContext(() => 3_600_000),
      );
      expect(JSON.parse(answered.body)).toEqual({
        primes: Array.from(firstPrimes(25)),
        next: null,
      });
    });

    it('reads the query from queryStringParameters when rawQueryString is absent', async () => {
      const event: Record<string, unknown> = { ...httpApiEvent('GET', '/primes?max=10') };
      delete event.rawQueryString;
      const result = await send(event);
      expect(JSON.parse(result.body)).toEqual({ primes: [2, 3, 5, 7], next: null });
    });
  });
});
