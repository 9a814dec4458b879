import { InMemoryCountMemory } from '../../src/adapters/memory/in-memory-count-memory';
import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { createServiceContainer } from '../../src/composition/service-container';
import { chosenPrimeComputations } from '../../src/composition/prime-computations-binding';
import { PRIME_USE_CASES } from '../../src/composition/tokens';
import type { PrimeComputations } from '../../src/domain/computations/prime-computations';
import { InvalidParameterError } from '../../src/domain/errors/invalid-parameter-error';
import { PageRequest } from '../../src/domain/values/page-request';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../src/domain/values/prime-limits';
import { ComputedCounts } from '../../src/domain/use-cases/computed-counts';
import type { PrimeUseCases } from '../../src/domain/use-cases/prime-use-cases';
import { StoreUnavailableError } from '../../src/ports/store-errors';
import type { Clock } from '../../src/ports/clock';
import { ManualClock } from '../support/manual-clock';
import { RecordingRepository } from '../support/recording-repository';
import { referencePrimesBelow } from '../support/reference-primes';
import { recordingLogger } from '../support/recording-loggers';
import { silentLogger } from '../support/silent-logger';

/**
 * The use cases beyond the store, over whatever computations the roots bind, held against a
 * plain sieve written for the test (below 2e6) and against published values near 2^64. Nothing
 * here depends on how the computations work, so it holds for every implementation.
 */
const LIMIT = 2_000_000;
const PRIMES = referencePrimesBelow(LIMIT);
const U64_MAX = (1n << 64n) - 1n;
/** The ten largest primes below 2^64 are 2^64 - k for these k (Crandall & Pomerance's table). */
const BELOW_2_64 = [59n, 83n, 95n, 179n, 189n, 257n, 279n, 323n, 353n, 363n].map(
  (k) => (1n << 64n) - k,
);

const referenceCount = (from: number, to: number) =>
  PRIMES.filter((p) => p >= from && p <= to).length;

/** Computations that pass through, count their calls, and move a manual clock per call. */
class CountingComputations implements PrimeComputations {
  readonly calls: string[] = [];
  constructor(
    private readonly clock: ManualClock,
    public costMs = 0,
  ) {}
  private async spend<T>(name: string, result: Promise<T>): Promise<T> {
    this.calls.push(name);
    const value = await result;
    this.clock.advance(this.costMs);
    return value;
  }
  primePi(x: bigint, shouldStop?: () => boolean) {
    return this.spend('primePi', chosenPrimeComputations.primePi(x, shouldStop));
  }
  nthPrime(n: bigint, shouldStop?: () => boolean) {
    return this.spend('nthPrime', chosenPrimeComputations.nthPrime(n, shouldStop));
  }
  isPrimeU64(n: bigint) {
    return this.spend('isPrimeU64', chosenPrimeComputations.isPrimeU64(n));
  }
  countPrimesInWindow(from: bigint, to: bigint, shouldStop?: () => boolean) {
    return this.spend(
      'countPrimesInWindow',
      chosenPrimeComputations.countPrimesInWindow(from, to, shouldStop),
    );
  }
  primesInWindow(from: bigint, to: bigint, limit: number, shouldStop?: () => boolean) {
    return this.spend(
      'primesInWindow',
      chosenPrimeComputations.primesInWindow(from, to, limit, shouldStop),
    );
  }
  nextPrime(n: bigint) {
    return this.spend('nextPrime', chosenPrimeComputations.nextPrime(n));
  }
  previousPrime(n: bigint) {
    return this.spend('previousPrime', chosenPrimeComputations.previousPrime(n));
  }
}

function makeService(options: { limits?: Partial<PrimeLimits>; clock?: Clock } = {}) {
  const clock = new ManualClock();
  const computations = new CountingComputations(clock);
  const store = new RecordingRepository(new InMemoryPrimeRepository(500));
  const countMemory = new InMemoryCountMemory();
  const useCases = createServiceContainer({
    logger: silentLogger,
    limits: { ...DEFAULT_PRIME_LIMITS, ...options.limits },
    repository: store,
    countMemory,
    computations,
    clock: options.clock ?? clock,
  }).get<PrimeUseCases>(PRIME_USE_CASES);
  return { useCases, store, clock, computations, countMemory };
}

/** A seeded generator, so that a failing case can be run again. */
function randomBelow(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % bound;
  };
}

async function expectRefused(promise: Promise<unknown>, field: string, bound: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidParameterError);
  expect(error).toMatchObject({ field });
  expect((error as Error).message).toContain(bound);
}

describe('CountPrimes beyond the store', () => {
  it('counts random ranges exactly, with the store empty, partly covering or covering them', async () => {
    const { useCases, store } = makeService();
    const random = randomBelow(7);
    const cases: Array<[number, number]> = [
      [0, 0],
      [0, 1],
      [0, 2],
      [2, 2],
      [3, 3],
      [4, 4],
      [0, LIMIT - 1],
      [1_999_000, LIMIT - 1],
      [961, 961], // 31^2
      [1_329, 1_331], // 11^3 and its neighbours
    ];
    for (let i = 0; i < 40; i++) {
      const a = random(LIMIT);
      const b = a + random(i % 2 === 0 ? 3_000 : LIMIT - a);
      cases.push([a, Math.min(b, LIMIT - 1)]);
    }
    const check = async () => {
      for (const [from, to] of cases) {
        const count = await useCases.countPrimes.between(BigInt(from), BigInt(to), Infinity);
        expect([from, to, count]).toEqual([from, to, BigInt(referenceCount(from, to))]);
      }
    };
    await check();
    expect(store.appends).toEqual([]);
    await store.appendPrimes(0, Float64Array.from(PRIMES.slice(0, 20_000)));
    await check();
  });

  it('keeps a count that took over 50 ms: asked again, it is recalled, not computed', async () => {
    const { useCases, computations } = makeService();
    computations.costMs = 51;
    const first = await useCases.countPrimes.between(0n, 1_000_000n, Infinity);
    expect(computations.calls).toEqual(['primePi']);
    expect(await useCases.countPrimes.between(0n, 1_000_000n, Infinity)).toBe(first);
    expect(computations.calls).toEqual(['primePi']);
    expect(first).toBe(BigInt(referenceCount(0, 1_000_000)));
  });

  it('answers a remembered count past 2^32 from the memory alone, before looking at the store', async () => {
    const { useCases, computations, store, countMemory } = makeService();
    // pi(2^40), as published; remembered as a finished computation would have left it.
    await countMemory.remember({ from: 0n, to: 1n << 40n }, 41_203_088_796n);
    expect(await useCases.countPrimes.between(0n, 1n << 40n, Infinity)).toBe(41_203_088_796n);
    expect(await useCases.countPrimes.between(2n, 1n << 40n, Infinity)).toBe(41_203_088_796n);
    expect(store.reaches).toBe(0);
    expect(computations.calls).toEqual([]);
  });

  it('computes a quick count again rather than keeping it', async () => {
    const { useCases, computations } = makeService();
    computations.costMs = 50;
    await useCases.countPrimes.between(0n, 100_000n, Infinity);
    await useCases.countPrimes.between(0n, 100_000n, Infinity);
    expect(computations.calls).toEqual(['primePi', 'primePi']);
  });

  it('counts a narrow window by sieving it, and a wide one as a difference of two counts', async () => {
    const { useCases, computations } = makeService();
    await useCases.countPrimes.between(1_000_000n, 1_000_100n, Infinity);
    expect(computations.calls).toEqual(['countPrimesInWindow']);
    computations.calls.length = 0;
    await useCases.countPrimes.between(1_000n, 1_000_000n, Infinity);
    expect(computations.calls).toEqual(['primePi', 'primePi']);
  });

  it('fails a count the deadline stops with DEADLINE_REACHED, and remembers nothing of it', async () => {
    const { useCases, countMemory } = makeService({ clock: { now: () => Date.now() } });
    const to = 10n ** 15n;
    await expect(useCases.countPrimes.between(0n, to, Date.now() + 30)).rejects.toMatchObject({
      code: 'DEADLINE_REACHED',
    });
    expect(await countMemory.recall({ from: 0n, to })).toBeUndefined();
    // No time left at all: refused before any work, saying what was not computed.
    await expect(useCases.countPrimes.between(0n, to, Date.now() - 1)).rejects.toMatchObject({
      code: 'DEADLINE_REACHED',
      message: expect.stringContaining('before the count was computed'),
    });
  });

  it('counts a narrow window past the cap by sieving it', async () => {
    const { useCases, computations } = makeService({ limits: { maxCountedValue: 10n ** 5n } });
    const from = 10n ** 5n + 1n;
    const count = await useCases.countPrimes.between(from, from + 1_000_000n, Infinity);
    expect(count).toBe(BigInt(referenceCount(Number(from), Number(from) + 1_000_000)));
    expect(computations.calls).toEqual(['countPrimesInWindow']);
  });

  it('refuses a bound over the cap before any work, naming the parameter and the bound', async () => {
    const { useCases, computations, store } = makeService({
      limits: { maxCountedValue: 10n ** 9n },
    });
    await expectRefused(
      useCases.countPrimes.between(0n, 10n ** 9n + 1n, Infinity),
      'to',
      '1000000000',
    );
    await expectRefused(
      useCases.countPrimes.between(10n ** 9n + 1n, 10n ** 9n + 2n ** 32n + 1n, Infinity),
      'to',
      '4294967296',
    );
    await expectRefused(useCases.countPrimes.between(5n, 4n, Infinity), 'from', 'to (4)');
    expect(computations.calls).toEqual([]);
    expect(store.reaches).toBe(0);
  });
});

describe('ComputedCounts when the memory fails', () => {
  it('still answers a finished count it could not remember, and says so in the log', async () => {
    const clock = new ManualClock();
    const computations = new CountingComputations(clock, 60);
    const fault = new StoreUnavailableError('PutItem failed');
    const failing = {
      recall: async () => undefined,
      remember: async () => {
        throw fault;
      },
    };
    const logger = recordingLogger('warn');
    const counts = new ComputedCounts(computations, failing, clock, logger);
    expect(await counts.upTo(100_000n, Infinity, false)).toBe(BigInt(referenceCount(0, 100_000)));
    expect(logger.entries).toEqual([
      {
        fields: { err: fault, range: '[0, 100000]', tookMs: 60 },
        message: 'could not remember a computed count',
      },
    ]);
  });

  it('fails when the memory cannot be read, rather than computing as if nothing were kept', async () => {
    const clock = new ManualClock();
    const failing = {
      recall: async () => {
        throw new StoreUnavailableError('GetItem failed');
      },
      remember: async () => undefined,
    };
    const counts = new ComputedCounts(
      new CountingComputations(clock),
      failing,
      clock,
      silentLogger,
    );
    await expect(counts.upTo(100_000n, Infinity, false)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });
});

describe('FindNthPrime', () => {
  it('finds the n-th prime beyond the store, and inside it with one chunk read', async () => {
    const { useCases, store, computations } = makeService();
    for (const n of [1, 2, 3, 4, 100, 1_229, 78_498, 148_933]) {
      expect([n, await useCases.findNthPrime.nth(BigInt(n), Infinity)]).toEqual([
        n,
        BigInt(PRIMES[n - 1]),
      ]);
    }
    expect(store.appends).toEqual([]);
    await store.appendPrimes(0, Float64Array.from(PRIMES.slice(0, 5_000)));
    computations.calls.length = 0;
    store.reads.length = 0;
    expect(await useCases.findNthPrime.nth(4_321n, Infinity)).toBe(BigInt(PRIMES[4_320]));
    expect(store.reads).toEqual([[4_320, 4_321]]);
    expect(computations.calls).toEqual([]);
  });

  it('reads the store for n up to 2^53 - 1 only, and hands a larger n to the computation exactly', async () => {
    const { useCases, store, computations } = makeService({ limits: { maxNthPrime: 10n ** 16n } });
    // Computing these would take minutes. What is held here is only the route: which n reach
    // the store, and that a larger n reaches the computation unrounded; its answer is not read.
    const asked = jest.spyOn(computations, 'nthPrime').mockResolvedValue(0n);
    const largestPosition = BigInt(Number.MAX_SAFE_INTEGER);
    await useCases.findNthPrime.nth(largestPosition, Infinity);
    expect(store.reads).toEqual([[Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER]]);
    store.reads.length = 0;
    for (const n of [largestPosition + 1n, 10n ** 16n - 1n]) {
      await useCases.findNthPrime.nth(n, Infinity);
      expect(asked).toHaveBeenLastCalledWith(n, expect.any(Function));
    }
    expect(store.reads).toEqual([]);
  });

  it('refuses to start an n-th prime the store does not hold once the deadline has come, naming it', async () => {
    const { useCases, clock, computations } = makeService();
    await expect(useCases.findNthPrime.nth(10n ** 12n, clock.now())).rejects.toMatchObject({
      code: 'DEADLINE_REACHED',
      message: expect.stringContaining('before the 1000000000000-th prime was computed'),
    });
    expect(computations.calls).toEqual([]);
  });

  it('refuses n over its cap, and n = 0', async () => {
    const { useCases } = makeService({ limits: { maxNthPrime: 1_000n } });
    await expectRefused(useCases.findNthPrime.nth(1_001n, Infinity), 'n', '1000');
    await expectRefused(useCases.findNthPrime.nth(0n, Infinity), 'n', 'at least 1');
  });
});

describe('ListPrimeWindow', () => {
  async function allPages(
    useCases: PrimeUseCases,
    from: bigint,
    to: bigint,
    limit: number,
  ): Promise<{ primes: bigint[]; cursors: string[] }> {
    const primes: bigint[] = [];
    const cursors: string[] = [];
    let cursor: string | undefined;
    do {
      const page = PageRequest.of(limit, cursor, useCases.limits);
      const answer = await useCases.listPrimeWindow.page(from, to, page, Infinity);
      primes.push(...answer.primes);
      cursor = answer.next ?? undefined;
      if (cursor) cursors.push(cursor);
    } while (cursor !== undefined);
    return { primes, cursors };
  }

  it('lists windows beyond the store page by page, without extending it', async () => {
    const { useCases, store } = makeService();
    for (const [from, to, limit] of [
      [0, 100, 7],
      [1_000_000, 1_010_000, 97],
      [1_999_000, LIMIT - 1, 1_000],
      [24, 28, 3],
    ]) {
      const { primes } = await allPages(useCases, BigInt(from), BigInt(to), limit);
      const expected = PRIMES.filter((p) => p >= from && p <= to).map(BigInt);
      expect([from, to, primes]).toEqual([from, to, expected]);
    }
    expect(store.appends).toEqual([]);
  });

  it('lists the window that ends at 2^64 - 1', async () => {
    const { useCases } = makeService();
    const { primes } = await allPages(useCases, U64_MAX - 400n, U64_MAX, 3);
    expect(primes).toEqual([...BELOW_2_64].reverse());
  });

  it('keeps listing from the store, with its position cursors, where the store holds the window', async () => {
    const { useCases, store, computations } = makeService();
    await store.appendPrimes(0, Float64Array.from(PRIMES.slice(0, 5_000)));
    const { primes, cursors } = await allPages(useCases, 100n, 40_000n, 500);
    expect(primes).toEqual(PRIMES.filter((p) => p >= 100 && p <= 40_000).map(BigInt));
    expect(cursors.every((cursor) => /^[MNO]/.test(cursor))).toBe(true);
    expect(computations.calls).toEqual([]);
  });

  it('asks where the store ends only until it has seen the window inside it', async () => {
    const { useCases, store } = makeService();
    await allPages(useCases, 100n, 40_000n, 500);
    const askedWhenEmpty = store.reaches;
    await store.appendPrimes(0, Float64Array.from(PRIMES.slice(0, 5_000)));
    const { primes } = await allPages(useCases, 100n, 40_000n, 500);
    expect(primes).toEqual(PRIMES.filter((p) => p >= 100 && p <= 40_000).map(BigInt));
    // Nine pages of the stored window, and only the first asked where the store ends: the
    // empty store's end, seen before, no longer covers it, and the new end does.
    expect(store.reaches - askedWhenEmpty).toBe(1);
  });

  it('refuses a cursor that is not one it made for this window', async () => {
    const { useCases } = makeService();
    const page = (cursor: string) => PageRequest.of(10, cursor, useCases.limits);
    for (const cursor of ['v99', 'v2000', 'vx', 'v', 'MTAuMjk']) {
      await expectRefused(
        useCases.listPrimeWindow.page(100n, 1_000n, page(cursor), Infinity),
        'cursor',
        'previous page',
      );
    }
  });

  it('refuses a window past 2^64 - 1 or reversed', async () => {
    const { useCases } = makeService();
    const page = PageRequest.of(10, undefined, useCases.limits);
    await expectRefused(
      useCases.listPrimeWindow.page(0n, U64_MAX + 1n, page, Infinity),
      'to',
      String(U64_MAX),
    );
    await expectRefused(useCases.listPrimeWindow.page(9n, 8n, page, Infinity), 'from', 'to (8)');
  });
});

describe('NeighbourPrimes', () => {
  it('finds the next and previous prime of random n against the sieve', async () => {
    const { useCases } = makeService();
    const random = randomBelow(11);
    for (let i = 0; i < 200; i++) {
      const n = i < 10 ? i : random(PRIMES[PRIMES.length - 1] - 1);
      const next = PRIMES.find((p) => p > n) ?? Number.NaN;
      const previous = PRIMES.filter((p) => p < n).pop();
      expect([n, await useCases.neighbourPrimes.next(BigInt(n))]).toEqual([n, BigInt(next)]);
      if (previous !== undefined) {
        expect([n, await useCases.neighbourPrimes.previous(BigInt(n))]).toEqual([
          n,
          BigInt(previous),
        ]);
      }
    }
  });

  it('answers at the top of the 64-bit range, and says clearly where no prime exists', async () => {
    const { useCases } = makeService();
    const [largest, second] = BELOW_2_64;
    expect(await useCases.neighbourPrimes.previous(U64_MAX)).toBe(largest);
    expect(await useCases.neighbourPrimes.previous(largest)).toBe(second);
    expect(await useCases.neighbourPrimes.next(second)).toBe(largest);
    for (const n of [largest, largest + 1n, U64_MAX]) {
      await expect(useCases.neighbourPrimes.next(n)).rejects.toMatchObject({
        code: 'NO_SUCH_PRIME',
        field: 'n',
        message: `n has no prime above it below 2^64 (the largest is ${largest})`,
      });
    }
    for (const n of [0n, 1n, 2n]) {
      await expect(useCases.neighbourPrimes.previous(n)).rejects.toMatchObject({
        code: 'NO_SUCH_PRIME',
        field: 'n',
        message: 'n has no prime below it (2 is the smallest prime)',
      });
    }
    expect(await useCases.neighbourPrimes.previous(3n)).toBe(2n);
    await expectRefused(useCases.neighbourPrimes.next(U64_MAX + 1n), 'n', String(U64_MAX));
    await expectRefused(useCases.neighbourPrimes.previous(U64_MAX + 1n), 'n', String(U64_MAX));
  });
});

describe('TestPrimality up to 2^64 - 1', () => {
  it('knows the largest primes below 2^64 and the composites between them', async () => {
    const { useCases } = makeService();
    const primes = new Set(BELOW_2_64);
    for (let n = U64_MAX; n >= BELOW_2_64[BELOW_2_64.length - 1]; n--) {
      expect([n, await useCases.testPrimality.isPrimeU64(n)]).toEqual([n, primes.has(n)]);
    }
  });

  it('is not fooled by strong pseudoprimes to many bases, nor by Carmichael numbers', async () => {
    const { useCases } = makeService();
    const composites = [
      561n,
      41_041n,
      825_265n,
      321_197_185n,
      3_215_031_751n, // strong pseudoprime to bases 2, 3, 5 and 7
      3_825_123_056_546_413_051n, // to the bases 2 to 23: 149491 * 747451 * 34233211
      4_294_967_297n, // 2^32 + 1 = 641 * 6700417
      18_446_744_030_759_878_681n, // 4294967291^2, the square of the largest 32-bit prime
      18_446_744_073_709_551_615n,
    ];
    for (const n of composites) {
      expect([n, await useCases.testPrimality.isPrimeU64(n)]).toEqual([n, false]);
    }
    for (const n of [2n, 4_294_967_291n, 9_007_199_254_740_881n, BELOW_2_64[0]]) {
      expect([n, await useCases.testPrimality.isPrimeU64(n)]).toEqual([n, true]);
    }
  });
});
