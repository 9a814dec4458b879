import { storedPrimes } from '../../../src/ports/prime-repository';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';
import { rawItem } from './raw-items';

const PRIMES = firstPrimes(200);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

async function chunkCounts(upTo: number): Promise<(number | undefined)[]> {
  const counts: (number | undefined)[] = [];
  for (let index = 0; index < upTo; index++) {
    counts.push((await rawItem(store(), index))?.count as number | undefined);
  }
  return counts;
}

describe('DynamoDbPrimeRepository with racing writers', () => {
  it('keeps the longer chunk when two repositories append different lengths at once', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 3));
    const other = await store().reopen();
    await Promise.all([
      store().repository.appendPrimes(3, PRIMES.slice(3, 5)),
      other.appendPrimes(3, PRIMES.slice(3, 12)),
    ]);
    expect(await chunkCounts(3)).toEqual([7, 5, undefined]);
    expect(await store().repository.reach()).toEqual({ count: 12, lastPrime: PRIMES[11] });
    expect(await other.readPrimes(0, 12)).toEqual(storedPrimes(PRIMES.slice(0, 12)));
  });

  it('never shrinks a chunk or the hint when a shorter writer comes last', async () => {
    const other = await store().reopen();
    await other.appendPrimes(0, PRIMES.slice(0, 20));
    // This repository saw an empty store: its append overlaps everything stored since.
    await store().repository.appendPrimes(0, PRIMES.slice(0, 9));
    expect(await chunkCounts(3)).toEqual([7, 7, 6]);
    expect(await rawItem(store(), -1)).toMatchObject({ count: 20 });
  });

  // Past the read's end, or exactly to it: either way the range is stored when the read ends.
  it.each([12, 10])(
    'reads a chunk that another writer stores while the read is under way (to %p)',
    async (end) => {
      await store().repository.appendPrimes(0, PRIMES.slice(0, 7));
      const reader = store().repository;
      const writer = await store().reopen();
      // The reader's consistent look at chunk 1 finds nothing; the writer then stores it (and
      // raises the hint) before the reader goes on to find where the store ends.
      let raced = false;
      store().clients.client.middlewareStack.add(
        (next) => async (args) => {
          const input = args.input as { Key?: { index: number }; ConsistentRead?: boolean };
          const result = await next(args);
          if (!raced && input.Key?.index === 1 && input.ConsistentRead) {
            raced = true;
            await writer.appendPrimes(7, PRIMES.slice(7, end));
          }
          return result;
        },
        { step: 'initialize', name: 'raceAWriter' },
      );
      expect(await reader.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
      expect(raced).toBe(true);
      // Its own append looked for the meta item first (a unit). Then chunk 1 eventually
      // consistent (half a unit), strongly three times: found absent, at the end the writer
      // left, and once more found; the meta item strongly, chunk 0 eventually consistent. Then
      // describe() finds the end again: the meta item and chunk 1.
      expect((await reader.describe()).consumed.readUnits).toBe(1 + 0.5 + 1 + 1 + 1 + 1 + 0.5 + 2);
    },
  );

  it('ends whole after many rounds of writers of random lengths from several processes', async () => {
    const writers = [
      store().repository,
      ...(await Promise.all([1, 2, 3].map(() => store().reopen()))),
    ];
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 8; round++) {
      const { count } = await writers[0].reach();
      await Promise.all(
        writers.map(async (writer) => {
          const end = Math.min(PRIMES.length, count + 1 + random(30));
          await writer.appendPrimes(count, PRIMES.slice(count, end));
        }),
      );
      const reach = await writers[round % writers.length].reach();
      expect(reach.count).toBeGreaterThan(count);
      expect(await writers[1].readPrimes(0, reach.count)).toEqual(
        storedPrimes(PRIMES.slice(0, reach.count)),
      );
    }
  });
});
