import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { isDeepStrictEqual } from 'node:util';
import {
  StoredPositions,
  storedWithin,
  type StoredPrime,
} from '../../src/domain/use-cases/stored-positions';
import { beyondStore, storedPrimes, type StoreReach } from '../../src/ports/prime-repository';
import { RecordingRepository } from '../support/recording-repository';
import { firstPrimes, referencePrimeCounts } from '../support/reference-primes';

const REFERENCE = firstPrimes(3_000);

/** A store holding the first `count` primes in chunks of `chunkCapacity`, its reads recorded. */
async function storeOf(count: number, chunkCapacity: number) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(chunkCapacity));
  if (count > 0) await store.appendPrimes(0, REFERENCE.slice(0, count));
  const reach = await store.reach();
  store.reaches = 0;
  return { store, positions: new StoredPositions(store), reach };
}

/** pi(x) for every x up to a little past the last reference prime. */
const PI = referencePrimeCounts(REFERENCE[REFERENCE.length - 1] + 100);

/** How many of the first `count` primes are below value. */
function referenceCountBelow(value: number, count: number): number {
  return value <= 0 ? 0 : Math.min(count, PI[Math.min(value - 1, PI.length - 1)]);
}

/** The first of the first `count` primes that is >= value, and its position. */
function referenceFind(value: number, count: number) {
  const position = referenceCountBelow(value, count);
  return position === count ? undefined : { position, prime: REFERENCE[position] };
}

/** Every read must be one whole chunk of the reach, or its tail. */
function expectChunkReads(reads: Array<[number, number]>, chunkCapacity: number, count: number) {
  for (const [from, to] of reads) {
    expect([from, to]).toEqual([
      from - (from % chunkCapacity),
      Math.min(from + chunkCapacity, count),
    ]);
  }
}

describe('StoredPositions', () => {
  it.each([
    [1, 1],
    [2, 1],
    [7, 3],
    [100, 10],
    [1_000, 100],
    [1_001, 100],
    [2_999, 500],
    [120, 1],
  ])(
    'finds the first stored prime >= each value in a store of %d primes in chunks of %d',
    async (count, chunkCapacity) => {
      const { positions, store } = await storeOf(count, chunkCapacity);
      const last = REFERENCE[count - 1];
      const step = Math.max(1, Math.floor(last / 200));
      const wrong: Array<[number, StoredPrime | undefined]> = [];
      for (let value = 0; value <= last + 3; value += value < 200 ? 1 : step) {
        const found = await positions.find(value);
        if (!isDeepStrictEqual(found, referenceFind(value, count))) wrong.push([value, found]);
      }
      // Every prime that starts or ends a chunk, and a sample of the others.
      for (let position = 0; position < count; position++) {
        const edge = (position + 1) % chunkCapacity <= 1 || position % 29 === 0;
        const prime = REFERENCE[position];
        const found = edge ? await positions.find(prime) : { position, prime };
        if (!isDeepStrictEqual(found, { position, prime })) wrong.push([prime, found]);
      }
      expect(wrong).toEqual([]);
      expectChunkReads(store.reads, chunkCapacity, count);
    },
  );

  it('answers undefined on an empty store, for 0 as for any value, without reading a chunk', async () => {
    const { positions, store } = await storeOf(0, 10);
    for (const value of [0, 1, 2, 3, 1_000]) expect(await positions.find(value)).toBeUndefined();
    expect(store.reads).toEqual([]);
    expect(await positions.holdsUpTo(0)).toBe(true);
    expect(await positions.holdsUpTo(1)).toBe(false);
  });

  it('counts the stored primes below a value, up to the reach it is given', async () => {
    const { positions, store } = await storeOf(1_000, 64);
    const partial = { count: 700, lastPrime: REFERENCE[699] };
    const wrong: Array<[number, number]> = [];
    for (const reach of [await store.reach(), partial]) {
      const values = [reach.lastPrime - 1, reach.lastPrime, reach.lastPrime + 1];
      for (let value = 0; value <= REFERENCE[999] + 50; value += value < 100 ? 1 : 19) {
        values.push(value);
      }
      for (const value of values) {
        const below = await new StoredPositions(store).countBelow(value, reach);
        if (below !== referenceCountBelow(value, reach.count)) wrong.push([value, below]);
      }
    }
    expect(wrong).toEqual([]);
    // A reach seen earlier bounds the reads: the store grew since, but no read passes it.
    store.reads.length = 0;
    await positions.countBelow(REFERENCE[650], partial);
    expect(store.reads.every(([, to]) => to <= partial.count)).toBe(true);
    expect(await positions.countBelow(5, { count: 0, lastPrime: 0 })).toBe(0);
  });

  it('counts no prime below 2 or 2 itself without reading the store', async () => {
    const { positions, store, reach } = await storeOf(100, 10);
    for (const value of [0, 1, 2]) expect(await positions.countBelow(value, reach)).toBe(0);
    expect(await positions.countBelow(reach.lastPrime + 1, reach)).toBe(100);
    expect(store.reads).toEqual([]);
  });

  it('reads the one chunk the estimate of pi names, or its neighbour, for values across a store of many chunks', async () => {
    const { store, reach } = await storeOf(3_000, 20);
    const positions = new StoredPositions(store);
    const wrong: number[] = [];
    let values = 0;
    let oneRead = 0;
    for (let value = 3; value <= reach.lastPrime; value += 11) {
      store.reads.length = 0;
      const found = await positions.firstAtOrAbove(value, reach);
      const expected = referenceFind(value, 3_000);
      if (found.position !== expected?.position || found.prime !== expected.prime)
        wrong.push(value);
      // When the first prime >= value starts a chunk, only the chunk below can tell that no
      // stored prime between them is >= value: such values take more reads, and are left out.
      if (found.position % 20 === 0) continue;
      values++;
      if (store.reads.length > 2) wrong.push(value);
      if (store.reads.length === 1) oneRead++;
    }
    expect(wrong).toEqual([]);
    // The estimate is rarely off by a whole chunk: most values take one read.
    expect(oneRead).toBeGreaterThan(0.8 * values);
    expectChunkReads(store.reads, 20, 3_000);
  });

  it('finds a stored prime that starts a chunk in the chunk the estimate names, with no look below', async () => {
    const { store, reach } = await storeOf(3_000, 20);
    const positions = new StoredPositions(store);
    const wrong: number[] = [];
    let oneRead = 0;
    for (let position = 20; position < 3_000; position += 20) {
      store.reads.length = 0;
      const prime = REFERENCE[position];
      const found = await positions.firstAtOrAbove(prime, reach);
      if (found.position !== position || found.prime !== prime) wrong.push(prime);
      // The value itself opens the chunk: nothing below it can be the first prime >= value.
      if (store.reads.length > 2) wrong.push(prime);
      if (store.reads.length === 1) oneRead++;
    }
    expect(wrong).toEqual([]);
    // Near a chunk's edge the estimate misses by one more often than elsewhere (see above).
    expect(oneRead).toBeGreaterThan(0.5 * (3_000 / 20 - 1));
  });

  it('bisects where the estimate is many chunks off, rather than walking chunk by chunk', async () => {
    // Chunks of one prime: near 3e5 the estimate of pi misses by up to 31 primes, so 31 chunks.
    const primes = firstPrimes(30_000);
    const store = new RecordingRepository(new InMemoryPrimeRepository(1));
    await store.appendPrimes(0, primes);
    const reach = await store.reach();
    const positions = new StoredPositions(store);
    // The estimate's chunk and its neighbour, bisection over the 30,000 chunks, and the chunk
    // it ends on read again to show that none below holds value.
    const mostReads = 3 + Math.ceil(Math.log2(30_000));
    const wrong: number[] = [];
    for (let position = 0; position < 30_000; position += 37) {
      const value = primes[position] - 1;
      store.reads.length = 0;
      const found = await positions.firstAtOrAbove(value, reach);
      const right = found.position === position && found.prime === primes[position];
      if (!right || store.reads.length > mostReads) wrong.push(value);
    }
    expect(wrong).toEqual([]);
  });

  it('asks where the store ends only for a value past the last prime it has seen', async () => {
    const { positions, store } = await storeOf(500, 50);
    const last = REFERENCE[499];
    expect(positions.lastSeenReach).toBeUndefined();
    expect(await positions.holdsUpTo(last)).toBe(true);
    expect(positions.lastSeenReach).toEqual({ count: 500, lastPrime: last });
    expect(store.reaches).toBe(1);
    for (const value of [0, 2, 100, last]) {
      expect(await positions.holdsUpTo(value)).toBe(true);
      expect(await positions.find(value)).toEqual(referenceFind(value, 500));
    }
    expect(store.reaches).toBe(1);
    // Past it, each question looks again, and sees what the store has gained since.
    expect(await positions.holdsUpTo(last + 1)).toBe(false);
    expect(await positions.find(last + 1)).toBeUndefined();
    expect(store.reaches).toBe(3);
    await store.appendPrimes(500, REFERENCE.slice(500, 600));
    expect(await positions.find(last + 1)).toEqual(referenceFind(last + 1, 600));
    expect(store.reaches).toBe(4);
    expect(await positions.holdsUpTo(REFERENCE[599])).toBe(true);
    expect(store.reaches).toBe(4);
  });

  it('remembers the furthest reach it has been shown, never a shorter one', async () => {
    const { positions, store } = await storeOf(500, 50);
    const far = await store.reach();
    const near: StoreReach = { count: 100, lastPrime: REFERENCE[99] };
    positions.remember(near);
    expect(positions.lastSeenReach).toEqual(near);
    positions.remember(far);
    positions.remember(near);
    expect(positions.lastSeenReach).toEqual(far);
    // A reach given to a lookup counts as seen too.
    const other = new StoredPositions(store);
    await other.firstAtOrAbove(100, near);
    expect(other.lastSeenReach).toEqual(near);
    await other.countBelow(100, far);
    expect(other.lastSeenReach).toEqual(far);
    expect(await other.holdsUpTo(REFERENCE[499])).toBe(true);
    expect(store.reaches).toBe(1);
  });
});

describe('storedWithin', () => {
  it('passes on the primes of a stored read', () => {
    const primes = REFERENCE.slice(0, 5);
    expect(storedWithin(storedPrimes(primes), { count: 5, lastPrime: 11 })).toBe(primes);
  });

  it('fails a read past a reach the store has shown, naming both counts', () => {
    expect(() =>
      storedWithin(beyondStore({ count: 40, lastPrime: 173 }), { count: 50, lastPrime: 229 }),
    ).toThrow('the store held 50 primes, but a later read found only 40');
  });
});
