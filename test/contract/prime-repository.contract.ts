import { beyondStore, storedPrimes, type PrimeRepository } from '../../src/ports/prime-repository';
import { StoreGapError } from '../../src/ports/store-errors';
import { firstPrimes, primesFrom } from '../support/reference-primes';

export interface RepositoryUnderTest {
  readonly repository: PrimeRepository;
  /** The engine name its description must give. */
  readonly engine: string;
  /** Whether it meters capacity units, as DynamoDB bills them; a memory store consumes none. */
  readonly metersCapacity: boolean;
  /** A second repository over the same backing store, as another process would open it. */
  reopen(): Promise<PrimeRepository>;
  dispose(): Promise<void>;
}

/** Makes a fresh, empty store whose chunks hold `chunkCapacity` primes. */
export type MakeRepository = (chunkCapacity: number) => Promise<RepositoryUnderTest>;

// Small chunks so that a few dozen primes cross many chunk boundaries.
const CHUNK = 7;
const PRIMES = firstPrimes(60);

/** The behaviour every PrimeRepository adapter must show; each adapter's test file calls it. */
export function describePrimeRepositoryContract(
  name: string,
  makeRepository: MakeRepository,
): void {
  describe(`PrimeRepository contract: ${name}`, () => {
    let subject: RepositoryUnderTest;
    let store: PrimeRepository;

    beforeEach(async () => {
      subject = await makeRepository(CHUNK);
      store = subject.repository;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('starts empty', async () => {
      expect(await store.reach()).toEqual({ count: 0, lastPrime: 0 });
      expect(await store.readPrimes(0, 0)).toEqual(storedPrimes(new Float64Array(0)));
      expect(await store.readPrimes(0, 1)).toEqual(beyondStore({ count: 0, lastPrime: 0 }));
    });

    it('reports its chunk capacity', () => {
      expect(store.chunkCapacity).toBe(CHUNK);
    });

    it('returns what one append stored, for every range of positions', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 30));
      expect(await store.reach()).toEqual({ count: 30, lastPrime: PRIMES[29] });
      for (let from = 0; from <= 30; from += 3) {
        for (const to of [from, from + 1, from + CHUNK, from + 2 * CHUNK + 1, 30]) {
          if (to < from || to > 30) continue;
          expect(await store.readPrimes(from, to)).toEqual(storedPrimes(PRIMES.slice(from, to)));
        }
      }
    });

    it('grows by appends of any size, aligned with chunks or not', async () => {
      let position = 0;
      for (const size of [1, 2, 3, 5, 8, 1, 13, 7, 14, 6]) {
        await store.appendPrimes(position, PRIMES.slice(position, position + size));
        position += size;
        expect(await store.reach()).toEqual({ count: position, lastPrime: PRIMES[position - 1] });
      }
      expect(await store.readPrimes(0, position)).toEqual(storedPrimes(PRIMES.slice(0, position)));
    });

    it('leaves stored positions as they are when an append overlaps them', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      await store.appendPrimes(4, PRIMES.slice(4, 25));
      await store.appendPrimes(2, PRIMES.slice(2, 9));
      expect(await store.reach()).toEqual({ count: 25, lastPrime: PRIMES[24] });
      expect(await store.readPrimes(0, 25)).toEqual(storedPrimes(PRIMES.slice(0, 25)));
    });

    it('refuses an append that would leave a gap, and keeps what it had', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      await expect(store.appendPrimes(11, PRIMES.slice(11, 20))).rejects.toBeInstanceOf(
        StoreGapError,
      );
      expect(await store.reach()).toEqual({ count: 10, lastPrime: PRIMES[9] });
    });

    it('refuses a run that is not ascending, and keeps what it had', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      const shuffled = Float64Array.from([PRIMES[11], PRIMES[10], PRIMES[12]]);
      await expect(store.appendPrimes(10, shuffled)).rejects.toThrow();
      expect(await store.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
      expect((await store.reach()).count).toBe(10);
    });

    it('refuses a run that descends where it crosses a chunk boundary, and writes none of it', async () => {
      const run = Float64Array.from([
        ...PRIMES.slice(0, CHUNK),
        PRIMES[3],
        ...PRIMES.slice(CHUNK, 12),
      ]);
      await expect(store.appendPrimes(0, run)).rejects.toThrow();
      expect(await store.reach()).toEqual({ count: 0, lastPrime: 0 });
    });

    it('keeps no hold on the array it was given: the caller may reuse it', async () => {
      const buffer = PRIMES.slice(0, 10);
      await store.appendPrimes(0, buffer);
      buffer.fill(1);
      await store.appendPrimes(10, PRIMES.slice(10, 12));
      expect(await store.readPrimes(0, 12)).toEqual(storedPrimes(PRIMES.slice(0, 12)));
    });

    it('refuses a malformed run even where it overlaps what is stored', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      // Within the stored positions only, then reaching one past them: neither is ascending.
      const within = Float64Array.from([PRIMES[5], PRIMES[4], PRIMES[6]]);
      await expect(store.appendPrimes(4, within)).rejects.toThrow();
      const across = Float64Array.from([PRIMES[9], PRIMES[8], PRIMES[10]]);
      await expect(store.appendPrimes(8, across)).rejects.toThrow();
      expect(await store.reach()).toEqual({ count: 10, lastPrime: PRIMES[9] });
      expect(await store.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
    });

    it('answers a read past the stored prefix with where the prefix ends', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      const end = beyondStore({ count: 10, lastPrime: PRIMES[9] });
      expect(await store.readPrimes(5, 11)).toEqual(end);
      expect(await store.readPrimes(7, 30)).toEqual(end);
    });

    it('reads the primes of a partial chunk that another writer filled since', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      // Chunk 1 holds 3 primes here: every one of them is read, then found short below.
      expect(await store.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
      expect(await store.readPrimes(8, 15)).toEqual(
        beyondStore({ count: 10, lastPrime: PRIMES[9] }),
      );
      const other = await subject.reopen();
      await other.appendPrimes(10, PRIMES.slice(10, 25));
      expect(await store.readPrimes(8, 15)).toEqual(storedPrimes(PRIMES.slice(8, 15)));
      expect(await store.readPrimes(0, 25)).toEqual(storedPrimes(PRIMES.slice(0, 25)));
    });

    it('serves the same primes from every read of a range, first or repeated', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 40));
      for (let round = 0; round < 3; round++) {
        for (const [from, to] of [
          [0, 40],
          [6, 8],
          [13, 34],
          [39, 40],
        ]) {
          expect(await store.readPrimes(from, to)).toEqual(storedPrimes(PRIMES.slice(from, to)));
        }
      }
    });

    it('refuses positions that are negative, fractional or reversed', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 10));
      await expect(store.readPrimes(-1, 3)).rejects.toBeInstanceOf(RangeError);
      await expect(store.readPrimes(1.5, 3)).rejects.toBeInstanceOf(RangeError);
      await expect(store.readPrimes(4, 3)).rejects.toBeInstanceOf(RangeError);
      await expect(store.appendPrimes(-1, PRIMES.slice(0, 1))).rejects.toBeInstanceOf(RangeError);
    });

    it('keeps primes beyond 2^32 exactly', async () => {
      const large = primesFrom(1e12, 20);
      await store.appendPrimes(0, large);
      expect(await store.readPrimes(0, 20)).toEqual(storedPrimes(large));
      expect((await store.reach()).lastPrime).toBe(large[19]);
    });

    it('ends correct when many writers append the same primes at once', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 3));
      await Promise.all(
        [3, 3, 5, 3, 10, 3, 17, 20].map((start) =>
          store.appendPrimes(start, PRIMES.slice(start, 45)).catch((error: unknown) => {
            // A writer that starts past what the store holds is told so; nothing else may fail.
            if (!(error instanceof StoreGapError)) throw error;
          }),
        ),
      );
      await store.appendPrimes(
        (await store.reach()).count,
        PRIMES.slice((await store.reach()).count, 45),
      );
      expect(await store.readPrimes(0, 45)).toEqual(storedPrimes(PRIMES.slice(0, 45)));
    });

    it('is seen whole by another repository over the same store', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 40));
      const other = await subject.reopen();
      expect(await other.reach()).toEqual({ count: 40, lastPrime: PRIMES[39] });
      expect(await other.readPrimes(13, 40)).toEqual(storedPrimes(PRIMES.slice(13, 40)));
      await other.appendPrimes(40, PRIMES.slice(40, 50));
      // This one last saw the store end at 40: it goes on from where the other one ended.
      await store.appendPrimes(50, PRIMES.slice(50, 55));
      expect(await store.reach()).toEqual({ count: 55, lastPrime: PRIMES[54] });
      expect(await other.readPrimes(0, 55)).toEqual(storedPrimes(PRIMES.slice(0, 55)));
    });

    it('describes how far it reaches and what it has consumed', async () => {
      await store.appendPrimes(0, PRIMES.slice(0, 30));
      const afterWrite = await store.describe();
      expect(afterWrite).toMatchObject({
        count: 30,
        lastPrime: PRIMES[29],
        engine: subject.engine,
        chunkCapacity: CHUNK,
        chunks: Math.ceil(30 / CHUNK),
      });
      await store.readPrimes(0, 30);
      const afterRead = (await store.describe()).consumed;
      if (subject.metersCapacity) {
        expect(afterWrite.consumed.writeUnits).toBeGreaterThan(0);
        expect(afterRead.readUnits).toBeGreaterThan(afterWrite.consumed.readUnits);
        expect(afterRead.writeUnits).toBe(afterWrite.consumed.writeUnits);
      } else {
        expect(afterRead).toEqual({ readUnits: 0, writeUnits: 0 });
      }
      const cache = afterWrite.chunkCache;
      expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
      expect(cache.chunks).toBeLessThanOrEqual(afterWrite.chunks);
    });
  });
}
