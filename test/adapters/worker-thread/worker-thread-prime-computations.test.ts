import { join } from 'node:path';
import {
  startLocalServer,
  type LocalServer,
} from '../../../src/adapters/local-server/local-server';
import { WorkerThreadPrimeComputations } from '../../../src/adapters/worker-thread/worker-thread-prime-computations';
import { computationWorkerFile } from '../../../src/composition/computation-worker-file';
import {
  createServiceApp,
  createServiceContainer,
} from '../../../src/composition/service-container';
import { InMemoryPrimeRepository } from '../../../src/adapters/memory/in-memory-prime-repository';
import { DEFAULT_PRIME_LIMITS } from '../../../src/domain/values/prime-limits';
import { referencePrimesBelow } from '../../support/reference-primes';
import { silentLogger } from '../../support/silent-logger';

const U64_MAX = (1n << 64n) - 1n;
/** pi(1e14) (published): a count of a few seconds, long enough to probe the server meanwhile. */
const LONG_COUNT_TO = 100_000_000_000_000;
const PI_OF_LONG_COUNT = 3_204_941_750_802;

describe('the prime computations in worker threads', () => {
  const computations = new WorkerThreadPrimeComputations(computationWorkerFile());
  afterAll(() => computations.close());

  it('answers exactly as computed in a worker: bigints and 64-bit arrays intact', async () => {
    const primes = referencePrimesBelow(100_000);
    expect(await computations.primePi(99_999n)).toBe(BigInt(primes.length));
    expect(await computations.nthPrime(9_592n)).toBe(BigInt(primes[9_591]));
    expect(await computations.countPrimesInWindow(50_000n, 99_999n)).toBe(
      BigInt(primes.filter((p) => p >= 50_000).length),
    );
    const top = await computations.primesInWindow(U64_MAX - 100n, U64_MAX, 5);
    expect(top).toEqual(BigUint64Array.of(U64_MAX - 94n, U64_MAX - 82n, U64_MAX - 58n));
    expect(await computations.nextPrime(U64_MAX - 58n)).toBeUndefined();
    expect(await computations.previousPrime(3n)).toBe(2n);
    expect(await computations.isPrimeU64(U64_MAX - 58n)).toBe(true);
  });

  it('stops a count whose deadline passes, then serves the next call', async () => {
    const deadline = Date.now() + 200;
    await expect(
      computations.primePi(10n ** 16n, () => Date.now() >= deadline),
    ).rejects.toMatchObject({ code: 'DEADLINE_REACHED' });
    expect(await computations.primePi(1_000n)).toBe(168n);
  });

  it('refuses at once when the deadline has passed already', async () => {
    await expect(computations.primePi(10n ** 16n, () => true)).rejects.toMatchObject({
      code: 'DEADLINE_REACHED',
    });
  });

  it('terminates a worker that does not stop when told, and starts a fresh one', async () => {
    const stubborn = new WorkerThreadPrimeComputations({
      entry: join(__dirname, 'stubborn-worker-entry.ts'),
      execArgv: computationWorkerFile().execArgv,
      size: 1,
      stopGraceMs: 100,
    });
    try {
      const deadline = Date.now() + 100;
      await expect(stubborn.primePi(5n, () => Date.now() >= deadline)).rejects.toMatchObject({
        code: 'DEADLINE_REACHED',
      });
      expect(await stubborn.countPrimesInWindow(0n, 100n)).toBe(25n);
    } finally {
      await stubborn.close();
    }
  });
});

describe('the local server while a long count runs in a worker thread', () => {
  const computations = new WorkerThreadPrimeComputations(computationWorkerFile());
  let server: LocalServer;
  beforeAll(async () => {
    const container = createServiceContainer({
      logger: silentLogger,
      limits: DEFAULT_PRIME_LIMITS,
      repository: new InMemoryPrimeRepository(),
      computations,
    });
    server = await startLocalServer(createServiceApp(container), {
      port: 0,
      requestTimeoutMs: 60_000,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await server.close();
    await computations.close();
  });

  it('answers /health within 100 ms throughout the count', async () => {
    const countStarted = performance.now();
    const count = fetch(`${server.url}/primes/count?to=${LONG_COUNT_TO}`);
    let finished = false;
    void count.finally(() => (finished = true));
    const healthTimes: number[] = [];
    while (!finished) {
      const started = performance.now();
      const health = await fetch(`${server.url}/health`);
      healthTimes.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const countMs = performance.now() - countStarted;
    const answer = (await (await count).json()) as { count: number };
    expect(answer.count).toBe(PI_OF_LONG_COUNT);
    // Enough probes to have covered the count, nearly all within 100 ms. A shared runner's
    // scheduler may delay any one request past that; a count on the event loop would instead
    // hold one probe for about the whole count, which the last bound catches however loaded.
    expect(healthTimes.length).toBeGreaterThan(10);
    const sorted = [...healthTimes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(100);
    expect(sorted[sorted.length - 1]).toBeLessThan(countMs / 4);
  });
});
