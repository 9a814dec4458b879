import { InMemoryCountMemory } from '../../src/adapters/memory/in-memory-count-memory';
import { inThreadPrimeComputations } from '../../src/domain/computations/in-thread-prime-computations';
import { ComputedCounts } from '../../src/domain/use-cases/computed-counts';
import { silentLogger } from '../support/silent-logger';
import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { DeadlineReachedError } from '../../src/domain/errors/deadline-reached-error';
import { InvalidParameterError } from '../../src/domain/errors/invalid-parameter-error';
import { PageRequest } from '../../src/domain/values/page-request';
import { encodePageCursor } from '../../src/domain/values/page-cursor';
import { DEFAULT_PRIME_LIMITS } from '../../src/domain/values/prime-limits';
import { ValueRange } from '../../src/domain/values/value-range';
import { CountPrimes } from '../../src/domain/use-cases/count-primes';
import { ExtendPrimes } from '../../src/domain/use-cases/extend-primes';
import { ListPrimes } from '../../src/domain/use-cases/list-primes';
import type { PrimePage } from '../../src/domain/use-cases/prime-page';
import { TestPrimality } from '../../src/domain/use-cases/test-primality';
import { ManualClock } from '../support/manual-clock';
import { firstPrimes, isPrimeByTrialDivision } from '../support/reference-primes';
import { RecordingRepository } from '../support/recording-repository';

const LIMITS = DEFAULT_PRIME_LIMITS;
const REFERENCE = firstPrimes(12_000);
const NO_DEADLINE = Infinity;

function makeService(chunkCapacity = 500) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(chunkCapacity));
  const clock = new ManualClock();
  const extendPrimes = new ExtendPrimes(store, clock);
  return {
    store,
    clock,
    listPrimes: new ListPrimes(store, extendPrimes, LIMITS),
    countPrimes: new CountPrimes(
      store,
      new ComputedCounts(inThreadPrimeComputations, new InMemoryCountMemory(), clock, silentLogger),
      LIMITS,
    ),
    testPrimality: new TestPrimality(store, inThreadPrimeComputations),
  };
}

async function allPages(fetch: (cursor?: string) => Promise<PrimePage>): Promise<number[]> {
  const primes: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await fetch(cursor);
    primes.push(...page.primes);
    if (page.next === null) return primes;
    cursor = page.next;
  }
  throw new Error('the pages never ended');
}

/** A page of the primes in `range`, with no deadline. */
function pageOf(
  listPrimes: ListPrimes,
  range: ValueRange,
  limit: number,
  cursor?: string,
): Promise<PrimePage> {
  return listPrimes.inRange(range, PageRequest.of(limit, cursor, LIMITS), NO_DEADLINE);
}

const REFUSED_CURSOR = { code: 'INVALID_PARAMETER', field: 'cursor' };

const referenceBetween = (from: number, to: number) =>
  Array.from(REFERENCE.filter((p) => p >= from && p <= to));

describe('ListPrimes', () => {
  it.each([
    [0, 100, 10_000],
    [0, 100, 7],
    [0, 29, 9],
    [2, 2, 1],
    [14, 16, 5],
    [1_000, 20_000, 97],
    [7_919, 7_919, 3],
    [104_000, 104_729, 10],
  ])('lists the primes from %d to %d in pages of %d', async (from, to, limit) => {
    const { listPrimes } = makeService();
    const range = ValueRange.of(from, to, LIMITS);
    const listed = await allPages((cursor) => pageOf(listPrimes, range, limit, cursor));
    expect(listed).toEqual(referenceBetween(from, to));
  });

  it.each([
    [29, 'a prime'],
    [30, 'not a prime'],
  ])('ends a full page on the last prime <= %d (%s) with no empty page after it', async (to) => {
    const { listPrimes } = makeService();
    // Stored past 31, so that the prime after the page is there to be looked at.
    await listPrimes.nth(100, NO_DEADLINE);
    const page = await pageOf(listPrimes, ValueRange.of(0, to, LIMITS), 10);
    expect(Array.from(page.primes)).toEqual(referenceBetween(0, to));
    expect(page.next).toBeNull();
  });

  it.each([
    ['a page ending below a range end that is not a prime', 0, 30, 10],
    ['a page larger than the range', 0, 100, 1_000],
    ['a range past the store that holds no prime', 30, 30, 10],
  ])('never extends the store past the range for %s', async (_, from, to, limit) => {
    const { listPrimes, store } = makeService();
    const page = await pageOf(listPrimes, ValueRange.of(from, to, LIMITS), limit);
    expect(Array.from(page.primes)).toEqual(referenceBetween(from, to));
    expect(page.next).toBeNull();
    expect((await store.reach()).lastPrime).toBeLessThanOrEqual(to);
  });

  it('extends the store only as far as the page needs', async () => {
    const { listPrimes, store } = makeService();
    await pageOf(listPrimes, ValueRange.of(0, 1_000_000, LIMITS), 100);
    expect((await store.reach()).count).toBeLessThanOrEqual(store.chunkCapacity);
  });

  it("ends a value page on the store's last prime without looking at where the store ends", async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    const { count, lastPrime } = await store.reach();
    const reaches = store.reaches;
    store.reads.length = 0;
    const range = ValueRange.of(0, lastPrime, LIMITS);
    const listed = await allPages((cursor) => pageOf(listPrimes, range, count / 2, cursor));
    expect(listed).toEqual(Array.from(REFERENCE.slice(0, count)));
    expect(store.reads.every(([, to]) => to <= count)).toBe(true);
    expect(store.reaches).toBe(reaches);
  });

  it('reads no further than the store ends for a page larger than what is left of a range it holds', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    const { count, lastPrime } = await store.reach();
    store.reads.length = 0;
    const page = await pageOf(listPrimes, ValueRange.of(0, lastPrime, LIMITS), 5_000);
    expect(Array.from(page.primes)).toEqual(Array.from(REFERENCE.slice(0, count)));
    expect(page.next).toBeNull();
    expect(store.reads).toEqual([[0, count]]);
  });

  it('starts a range from 2 at the first position without looking 2 up', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    store.reads.length = 0;
    const page = await pageOf(listPrimes, ValueRange.of(2, 1_000, LIMITS), 10);
    expect(Array.from(page.primes)).toEqual(Array.from(REFERENCE.slice(0, 10)));
    expect(store.reads).toEqual([
      [0, 10],
      [10, 11],
    ]);
  });

  it('finds a first page by value inside a reach it has seen without looking again', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(5_000, NO_DEADLINE);
    const reaches = store.reaches;
    const page = await pageOf(listPrimes, ValueRange.of(1_000, 2_000, LIMITS), 10);
    expect(Array.from(page.primes)).toEqual(referenceBetween(1_000, 2_000).slice(0, 10));
    expect(store.reaches).toBe(reaches);
  });

  it('looks at where the store ends once for a value past what it has seen', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(100, NO_DEADLINE);
    // Another writer extends the store past what ListPrimes has seen of it.
    const { count } = await store.reach();
    await store.appendPrimes(count, REFERENCE.slice(count, 3_000));
    const reaches = store.reaches;
    const page = await listPrimes.inRange(
      ValueRange.of(20_000, 30_000, LIMITS),
      PageRequest.of(10, undefined, LIMITS),
      0,
    );
    expect(Array.from(page.primes)).toEqual(referenceBetween(20_000, 30_000).slice(0, 10));
    expect(store.reaches).toBe(reaches + 1);
  });

  it('serves stored positions and pages from reads alone, without looking at where the store ends', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(5_000, NO_DEADLINE);
    const reaches = store.reaches;
    store.reads.length = 0;
    expect(await listPrimes.nth(4_000, NO_DEADLINE)).toBe(REFERENCE[3_999]);
    const page = await listPrimes.first(3_000, PageRequest.of(20, undefined, LIMITS), NO_DEADLINE);
    expect(Array.from(page.primes)).toEqual(Array.from(REFERENCE.slice(0, 20)));
    const range = ValueRange.of(0, 100_000, LIMITS);
    // A deadline already passed: any extension would fail, so these pages come from reads alone.
    const firstPage = await listPrimes.inRange(range, PageRequest.of(10, undefined, LIMITS), 0);
    const nextPage = await listPrimes.inRange(
      range,
      PageRequest.of(10, firstPage.next ?? '', LIMITS),
      0,
    );
    expect(Array.from(nextPage.primes)).toEqual(Array.from(REFERENCE.slice(10, 20)));
    // Each value page, then the one prime after it that says whether another page follows.
    expect(store.reads).toEqual([
      [3_999, 4_000],
      [0, 20],
      [0, 10],
      [10, 11],
      [9, 20],
      [20, 21],
    ]);
    expect(store.reaches).toBe(reaches);
  });

  it('lists the first n primes in pages', async () => {
    const { listPrimes } = makeService();
    const listed = await allPages((cursor) =>
      listPrimes.first(1_234, PageRequest.of(100, cursor, LIMITS), NO_DEADLINE),
    );
    expect(listed).toEqual(Array.from(REFERENCE.slice(0, 1_234)));
  });

  it('finds the n-th prime, counting from 1', async () => {
    const { listPrimes } = makeService();
    expect(await listPrimes.nth(1, NO_DEADLINE)).toBe(2);
    expect(await listPrimes.nth(10_000, NO_DEADLINE)).toBe(104_729);
    expect(await listPrimes.nth(26, NO_DEADLINE)).toBe(101);
    await expect(listPrimes.nth(0, NO_DEADLINE)).rejects.toMatchObject({ field: 'n' });
  });

  it('refuses a cursor that does not match the store', async () => {
    const { listPrimes } = makeService();
    const range = ValueRange.of(0, 1_000, LIMITS);
    const first = await pageOf(listPrimes, range, 10);
    expect(first.next).not.toBeNull();
    const forged = [
      // 997 is the 168th prime, not the 160th: within what the bounds of pi(997) allow, so only
      // the store can refuse it.
      encodePageCursor({ position: 160, after: 997 }),
      encodePageCursor({ position: 9_999_999, after: 29 }),
      'not-a-cursor',
      '',
      'MTAuMjk', // "10.29" without padding, a valid one...
    ];
    for (const cursor of forged.slice(0, 4)) {
      await expect(pageOf(listPrimes, range, 10, cursor)).rejects.toMatchObject(REFUSED_CURSOR);
    }
    const valid = await pageOf(listPrimes, range, 10, forged[4]);
    expect(valid.primes[0]).toBe(31);
  });

  it('refuses a cursor whose prime lies outside the range asked, at either end', async () => {
    const { listPrimes } = makeService();
    // Stored past every cursor here, so that only the range can refuse one.
    await listPrimes.nth(1_000, NO_DEADLINE);
    const range = ValueRange.of(100, 1_000, LIMITS);
    // Cursors of other ranges: after 97, below from; after 1,009, above to; and below, after
    // 997 in a range ending at 997, since no page follows a range's last prime.
    const outside = [
      encodePageCursor({ position: 25, after: 97 }),
      encodePageCursor({ position: 169, after: 1_009 }),
    ];
    for (const cursor of outside) {
      await expect(pageOf(listPrimes, range, 10, cursor)).rejects.toMatchObject(REFUSED_CURSOR);
    }
    const endingAt997 = ValueRange.of(100, 997, LIMITS);
    const afterEnd = encodePageCursor({ position: 168, after: 997 });
    await expect(pageOf(listPrimes, endingAt997, 10, afterEnd)).rejects.toMatchObject({
      field: 'cursor',
    });
    // A cursor after the range's first value, itself a prime, goes on at the next prime.
    const after101 = encodePageCursor({ position: 26, after: 101 });
    const inside = await pageOf(listPrimes, ValueRange.of(101, 1_000, LIMITS), 3, after101);
    expect(Array.from(inside.primes)).toEqual(Array.from(REFERENCE.slice(26, 29)));
  });

  it('refuses a cursor past the end of a range the store holds, reading only inside the store', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    const { count, lastPrime } = await store.reach();
    const range = ValueRange.of(0, lastPrime, LIMITS);
    // Both after the store's second-to-last prime, within the bounds of its pi: one at the
    // store's end, which a read inside the store refutes, and one past it.
    const refused = async (position: number) => {
      store.reads.length = 0;
      const cursor = encodePageCursor({ position, after: REFERENCE[count - 2] });
      await expect(pageOf(listPrimes, range, 10, cursor)).rejects.toMatchObject(REFUSED_CURSOR);
    };
    await refused(count);
    expect(store.reads).toEqual([[count - 1, count]]);
    await refused(count + 50);
  });

  it('refuses a cursor at or past the end of a listing of the first n, or not matching the store', async () => {
    const { listPrimes } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    // pi(71) = 20: a cursor after the 20th prime names the last of the first 20, and no page
    // follows it; position 168 after 997 is genuine, but past the first 100. Position 160 after
    // 997 lies within the bounds of pi(997), but the store holds 997 at position 167.
    const refused: [number, number, number][] = [
      [20, 20, 71],
      [100, 168, 997],
      [1_000, 160, 997],
    ];
    for (const [count, position, after] of refused) {
      const cursor = encodePageCursor({ position, after });
      await expect(
        listPrimes.first(count, PageRequest.of(10, cursor, LIMITS), NO_DEADLINE),
      ).rejects.toMatchObject(REFUSED_CURSOR);
    }
    const nextToLast = encodePageCursor({ position: 19, after: 67 });
    const last = await listPrimes.first(20, PageRequest.of(10, nextToLast, LIMITS), NO_DEADLINE);
    expect([Array.from(last.primes), last.next]).toEqual([[71], null]);
  });

  it('refuses a cursor past the store, or past what its prime allows, before any work', async () => {
    const { listPrimes, store } = makeService();
    await listPrimes.nth(1_000, NO_DEADLINE);
    const appends = store.appends.length;
    const range = ValueRange.of(0, 1_000_000, LIMITS);
    // pi(999,983) = 78,498: a plausible position, but far beyond the 1,000 primes stored.
    const pastTheStore = encodePageCursor({ position: 78_498, after: 999_983 });
    // pi(29) = 10: no real cursor after 29 can sit at position 1,000,000.
    const implausible = encodePageCursor({ position: 1_000_000, after: 29 });
    for (const cursor of [pastTheStore, implausible]) {
      await expect(pageOf(listPrimes, range, 10, cursor)).rejects.toMatchObject({
        field: 'cursor',
      });
      await expect(
        listPrimes.first(100_000, PageRequest.of(10, cursor, LIMITS), NO_DEADLINE),
      ).rejects.toMatchObject({ field: 'cursor' });
    }
    expect(store.appends.length).toBe(appends);
  });

  it('reports progress when the deadline stops the extension a query needs', async () => {
    const { listPrimes, store, clock } = makeService(500);
    store.beforeAppend = () => clock.advance(100);
    const error = await listPrimes.nth(10_000, clock.now() + 350).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineReachedError);
    const count = (error as DeadlineReachedError).progress?.count;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(10_000);
    expect(await listPrimes.nth(10_000, NO_DEADLINE)).toBe(104_729);
  });

  it('names the field it refuses', async () => {
    const { listPrimes } = makeService();
    for (const count of [-1, LIMITS.maxCount + 1]) {
      await expect(
        listPrimes.first(count, PageRequest.of(10, undefined, LIMITS), NO_DEADLINE),
      ).rejects.toMatchObject({ code: 'INVALID_PARAMETER', field: 'count' });
    }
  });

  it('tells whether the store holds every prime up to a value', async () => {
    const { listPrimes } = makeService();
    expect(await listPrimes.holdsUpTo(2)).toBe(false);
    await listPrimes.nth(100, NO_DEADLINE);
    const last = REFERENCE[99];
    expect(await listPrimes.holdsUpTo(last)).toBe(true);
    expect(await listPrimes.holdsUpTo(last + 1)).toBe(false);
  });

  it('validates what it is asked', () => {
    expect(() => ValueRange.of(10, 5, LIMITS)).toThrow(InvalidParameterError);
    expect(() => ValueRange.of(-1, 5, LIMITS)).toThrow(/from/);
    expect(() => ValueRange.of(0, LIMITS.maxValue + 1, LIMITS)).toThrow(/to must be at most/);
    expect(() => PageRequest.of(LIMITS.maxPageSize + 1, undefined, LIMITS)).toThrow(/limit/);
    expect(() => PageRequest.of(0.5, undefined, LIMITS)).toThrow(/limit/);
  });
});

describe('ListPrimes.allUpTo', () => {
  it('answers every prime <= max in one piece, from an empty, a partial and a covering store', async () => {
    const { listPrimes, store } = makeService(500);
    // Empty, then beyond the store (it extends), then inside it, then past it again.
    for (const max of [0, 1, 2, 3, 4_000, 1_000, 30_000, 99_991]) {
      expect([max, Array.from(await listPrimes.allUpTo(max, NO_DEADLINE))]).toEqual([
        max,
        referenceBetween(0, max),
      ]);
    }
    // Inside the store it reads once, and only the chunks up to max (1,000 is in chunk 0).
    store.reads.length = 0;
    await listPrimes.allUpTo(1_000, NO_DEADLINE);
    expect(store.reads).toHaveLength(1);
  });

  it('never extends the store past max', async () => {
    const { listPrimes, store } = makeService();
    expect(Array.from(await listPrimes.allUpTo(100, NO_DEADLINE))).toEqual(
      referenceBetween(0, 100),
    );
    expect((await store.reach()).lastPrime).toBeLessThanOrEqual(100);
  });

  it('refuses max past the limit, naming it', async () => {
    const { listPrimes } = makeService();
    await expect(listPrimes.allUpTo(LIMITS.maxValue + 1, NO_DEADLINE)).rejects.toMatchObject({
      field: 'max',
    });
  });
});

describe('CountPrimes', () => {
  it('counts pi(1e6) = 78,498 and matches the reference over small ranges', async () => {
    const { countPrimes } = makeService(4_096);
    expect(await countPrimes.inRange(ValueRange.of(0, 1_000_000, LIMITS), NO_DEADLINE)).toBe(
      78_498,
    );
    for (const [from, to] of [
      [0, 0],
      [2, 2],
      [3, 100],
      [1_000, 1_009],
      [100_000, 104_729],
      [24, 28],
    ]) {
      const count = await countPrimes.inRange(ValueRange.of(from, to, LIMITS), NO_DEADLINE);
      expect(count).toBe(referenceBetween(from, to).length);
    }
  });
});

describe('TestPrimality', () => {
  it('answers on an empty store without reading it', async () => {
    const { testPrimality, store } = makeService();
    expect(await Promise.all([0, 1, 2, 3, 4].map((n) => testPrimality.isPrime(n)))).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(store.reads).toEqual([]);
  });

  it('answers from the store where it reaches and beyond it without extending', async () => {
    const { testPrimality, listPrimes, store } = makeService(50);
    await listPrimes.nth(2_000, NO_DEADLINE);
    const stored = await store.reach();
    for (let n = 0; n <= stored.lastPrime + 200; n += n < 400 ? 1 : 37) {
      expect(await testPrimality.isPrime(n)).toBe(isPrimeByTrialDivision(n));
    }
    expect(await testPrimality.isPrime(2 ** 53 - 111)).toBe(true);
    // A stored prime is looked up in the chunk that holds it, never read again on its own.
    store.reads.length = 0;
    expect(await testPrimality.isPrime(7_919)).toBe(true);
    expect(store.reads.length).toBeGreaterThan(0);
    for (const [from] of store.reads) expect(from % store.chunkCapacity).toBe(0);
    expect(await testPrimality.isPrime(2 ** 53 - 113)).toBe(false);
    expect(await store.reach()).toEqual(stored);
  });
});
