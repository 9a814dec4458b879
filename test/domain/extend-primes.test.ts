import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { ExtendPrimes } from '../../src/domain/use-cases/extend-primes';
import {
  storedPrimes,
  type PrimeRepository,
  type StoreDescription,
  type StoredPrimes,
  type StoreReach,
} from '../../src/ports/prime-repository';
import { ManualClock } from '../support/manual-clock';
import { firstPrimes, referencePrimesBelow } from '../support/reference-primes';
import { RecordingRepository } from '../support/recording-repository';

const REFERENCE = firstPrimes(12_000);

function makeExtender(chunkCapacity = 1_000, chunksPerSave?: number) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(chunkCapacity));
  const clock = new ManualClock();
  return { store, clock, extendPrimes: new ExtendPrimes(store, clock, chunksPerSave) };
}

describe('ExtendPrimes', () => {
  it('fills an empty store with every prime up to a value', async () => {
    const { store, extendPrimes } = makeExtender();
    const outcome = await extendPrimes.execute({ upTo: 104_729 });
    expect(outcome).toEqual({
      complete: true,
      reach: { count: 10_000, lastPrime: 104_729 },
      added: 10_000,
    });
    expect(await store.readPrimes(0, 10_000)).toEqual(storedPrimes(REFERENCE.slice(0, 10_000)));
  });

  it('stores exactly the count asked when one batch gathers the primes of several segments', async () => {
    // Chunks of a million primes: the first sieve segment's primes (those below 1,966,080)
    // and the next segment's meet in one batch, which must stop at the 200,000th prime.
    const { store, extendPrimes } = makeExtender(1_000_000);
    const outcome = await extendPrimes.execute({ count: 200_000 });
    const reference = referencePrimesBelow(3_000_000);
    expect(outcome.reach).toEqual({ count: 200_000, lastPrime: reference[199_999] });
    expect(store.appends.map((append) => append.primes.length)).toEqual([200_000]);
  });

  it('stops at the last prime below a value that is not prime', async () => {
    const { store, extendPrimes } = makeExtender();
    const outcome = await extendPrimes.execute({ upTo: 100 });
    expect(outcome.reach).toEqual({ count: 25, lastPrime: 97 });
    expect(await store.readPrimes(0, 25)).toEqual(storedPrimes(REFERENCE.slice(0, 25)));
  });

  it('fills an empty store with the first n primes, and no more', async () => {
    const { store, extendPrimes } = makeExtender();
    const outcome = await extendPrimes.execute({ count: 10_000 });
    expect(outcome.reach).toEqual({ count: 10_000, lastPrime: 104_729 });
    expect((await store.reach()).count).toBe(10_000);
  });

  it('stops at whichever of value and count comes first', async () => {
    const { extendPrimes } = makeExtender();
    expect((await extendPrimes.execute({ upTo: 1_000_000, count: 30 })).reach.count).toBe(30);
    expect((await extendPrimes.execute({ upTo: 200, count: 5_000 })).reach.count).toBe(46);
  });

  it('stores nothing for targets below the first prime', async () => {
    const { store, extendPrimes } = makeExtender();
    expect((await extendPrimes.execute({ upTo: 1 })).complete).toBe(true);
    expect((await extendPrimes.execute({ count: 0 })).complete).toBe(true);
    expect(store.appends).toEqual([]);
    await extendPrimes.execute({ upTo: 2 });
    expect(await store.readPrimes(0, 1)).toEqual(storedPrimes(Float64Array.of(2)));
  });

  it('computes and appends only primes beyond what the store holds', async () => {
    const { store, extendPrimes } = makeExtender();
    await extendPrimes.execute({ count: 1_500 });
    const before = store.appends.length;
    await extendPrimes.execute({ count: 9_000 });
    const later = store.appends.slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later[0].position).toBe(1_500);
    expect(later[0].primes[0]).toBe(REFERENCE[1_500]);
    for (const append of later) expect(append.position).toBeGreaterThanOrEqual(1_500);
    expect(await store.readPrimes(0, 9_000)).toEqual(storedPrimes(REFERENCE.slice(0, 9_000)));
  });

  it('does nothing when the store already holds the target', async () => {
    const { store, extendPrimes } = makeExtender();
    await extendPrimes.execute({ upTo: 10_000 });
    const appends = store.appends.length;
    const outcome = await extendPrimes.execute({ upTo: 5_000 });
    expect(outcome).toEqual({
      complete: true,
      reach: { count: 1_229, lastPrime: 9_973 },
      added: 0,
    });
    expect(store.appends.length).toBe(appends);
  });

  it('trusts a reach the caller saw when it meets the target, and reads the store otherwise', async () => {
    const { store, extendPrimes } = makeExtender();
    await extendPrimes.execute({ count: 1_000 });
    const seen = await store.reach();
    const reaches = store.reaches;
    expect(await extendPrimes.execute({ count: 800 }, { knownReach: seen })).toEqual({
      complete: true,
      reach: seen,
      added: 0,
    });
    expect(store.reaches).toBe(reaches);
    const behind = { count: 10, lastPrime: REFERENCE[9] };
    const outcome = await extendPrimes.execute({ count: 800 }, { knownReach: behind });
    expect(outcome.reach).toEqual(seen);
    expect(store.reaches).toBe(reaches + 1);
  });

  it('writes whole chunks: the first batch realigns to a chunk boundary', async () => {
    const { store, extendPrimes } = makeExtender(1_000, 1);
    await extendPrimes.execute({ count: 1_234 });
    await extendPrimes.execute({ count: 4_500 });
    const boundaries = store.appends.map((a) => [a.position, a.position + a.primes.length]);
    expect(boundaries).toEqual([
      [0, 1_000],
      [1_000, 1_234],
      [1_234, 2_000],
      [2_000, 3_000],
      [3_000, 4_000],
      [4_000, 4_500],
    ]);
  });

  it('saves several whole chunks at a time after realigning', async () => {
    const { store, extendPrimes } = makeExtender(100, 3);
    await extendPrimes.execute({ count: 150 });
    await extendPrimes.execute({ count: 1_234 });
    const boundaries = store.appends.map((a) => [a.position, a.position + a.primes.length]);
    expect(boundaries).toEqual([
      [0, 100],
      [100, 150],
      [150, 200],
      [200, 500],
      [500, 800],
      [800, 1_100],
      [1_100, 1_234],
    ]);
    expect(await store.readPrimes(0, 1_234)).toEqual(storedPrimes(REFERENCE.slice(0, 1_234)));
  });

  it('keeps one save in flight at a time, and saves in order', async () => {
    const { store } = makeExtender(100);
    const slow = new SlowSaves(store);
    const saved: number[] = [];
    const outcome = await new ExtendPrimes(slow, new ManualClock(), 1).execute(
      { count: 1_000 },
      { onProgress: (reach) => saved.push(reach.count) },
    );
    expect(outcome.reach.count).toBe(1_000);
    expect(slow.mostInFlight).toBe(1);
    expect(saved).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
    expect(await store.readPrimes(0, 1_000)).toEqual(storedPrimes(REFERENCE.slice(0, 1_000)));
  });

  it('stops at a chunk boundary when the deadline nears, and the next call finishes', async () => {
    // Saves of 1,000, 4,000, 4,000, ... primes, 100 ms each: the third would end past the deadline.
    const { store, clock, extendPrimes } = makeExtender(1_000, 4);
    store.beforeAppend = () => clock.advance(100);
    const deadline = clock.now() + 450;
    const progress: number[] = [];
    const stopped = await extendPrimes.execute(
      { count: 10_000 },
      { deadline, onProgress: (reach) => progress.push(reach.count) },
    );
    expect(stopped.complete).toBe(false);
    expect(stopped.reach.count % 1_000).toBe(0);
    expect(stopped.reach.count).toBeLessThan(10_000);
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    expect(progress[progress.length - 1]).toBe(stopped.reach.count);
    expect(await store.readPrimes(0, stopped.reach.count)).toEqual(
      storedPrimes(REFERENCE.slice(0, stopped.reach.count)),
    );

    const finished = await extendPrimes.execute({ count: 10_000 });
    expect(finished.complete).toBe(true);
    expect(finished.added).toBe(10_000 - stopped.reach.count);
    expect(await store.readPrimes(0, 10_000)).toEqual(storedPrimes(REFERENCE.slice(0, 10_000)));
  });

  it.each([
    [300, 1_000],
    [301, 5_000],
  ])(
    'with %d ms left and saves of 100 ms, starts a save only while twice the slowest ends before the deadline: %d stored',
    async (left, stored) => {
      // Saves of 1,000 then 4,000 primes. After the first, 200 ms (twice the slowest) from
      // now must end before the deadline: with 300 ms left, 100 + 200 is not before it.
      const { store, clock, extendPrimes } = makeExtender(1_000, 4);
      store.beforeAppend = () => clock.advance(100);
      const outcome = await extendPrimes.execute(
        { count: 10_000 },
        { deadline: clock.now() + left },
      );
      expect([outcome.complete, outcome.reach.count]).toEqual([false, stored]);
    },
  );

  it.each([
    ['has passed', -1],
    ['is now', 0],
  ])('does no work when the deadline %s', async (_, left) => {
    const { store, clock, extendPrimes } = makeExtender();
    const outcome = await extendPrimes.execute({ count: 100 }, { deadline: clock.now() + left });
    expect(outcome).toEqual({ complete: false, reach: { count: 0, lastPrime: 0 }, added: 0 });
    expect(store.appends).toEqual([]);
  });

  it('ends with one correct store when eight extenders run at once', async () => {
    const { store, extendPrimes } = makeExtender(700);
    await extendPrimes.execute({ count: 1_000 });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => extendPrimes.execute({ count: 6_000 + i * 500 })),
    );
    for (const outcome of outcomes) expect(outcome.complete).toBe(true);
    expect(await store.reach()).toEqual({ count: 9_500, lastPrime: REFERENCE[9_499] });
    expect(await store.readPrimes(0, 9_500)).toEqual(storedPrimes(REFERENCE.slice(0, 9_500)));
  });
});

/** A store whose saves take a few milliseconds, counting how many are under way at once. */
class SlowSaves implements PrimeRepository {
  mostInFlight = 0;
  private inFlight = 0;

  constructor(private readonly inner: PrimeRepository) {}

  get chunkCapacity(): number {
    return this.inner.chunkCapacity;
  }

  reach(): Promise<StoreReach> {
    return this.inner.reach();
  }

  readPrimes(fromPosition: number, toPosition: number): Promise<StoredPrimes> {
    return this.inner.readPrimes(fromPosition, toPosition);
  }

  async appendPrimes(position: number, primes: Float64Array): Promise<void> {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await this.inner.appendPrimes(position, primes);
    this.inFlight--;
  }

  describe(): Promise<StoreDescription> {
    return this.inner.describe();
  }
}
