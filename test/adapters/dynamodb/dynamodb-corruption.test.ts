import { storedPrimes } from '../../../src/ports/prime-repository';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';
import { deleteItem, rawItem, setAttribute } from './raw-items';

const PRIMES = firstPrimes(40);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

async function storeTwentyPrimes(): Promise<void> {
  await store().repository.appendPrimes(0, PRIMES.slice(0, 20));
}

function corruptChunk(chunk: number): unknown {
  return expect.objectContaining({ name: 'StoreCorruptError', code: 'STORE_CORRUPT', chunk });
}

describe('DynamoDbPrimeRepository corruption', () => {
  const tampers: [string, (bytes: Uint8Array) => [string, unknown]][] = [
    ['byte', (bytes) => ['primes', Uint8Array.from(bytes, (b, i) => (i === 3 ? b ^ 1 : b))]],
    ['checksum', () => ['crc32', 12345]],
    ['count', () => ['count', 6]],
    ['first prime', () => ['first', 17]],
    ['last prime', () => ['last', 41]],
    ['length (its last byte cut off)', (bytes) => ['primes', bytes.slice(0, bytes.length - 1)]],
  ];

  it.each(tampers)(
    'refuses to serve a chunk with a tampered %s, naming the chunk',
    async (_, tamper) => {
      await storeTwentyPrimes();
      const { primes } = (await rawItem(store(), 1)) as { primes: Uint8Array };
      const [name, value] = tamper(primes);
      await setAttribute(store(), 1, name, value);

      await expect(store().repository.readPrimes(0, 20)).rejects.toEqual(corruptChunk(1));
      await expect(store().repository.readPrimes(8, 9)).rejects.toThrow(/chunk 1 is corrupt/);
      // Chunks that were not touched are still served.
      expect(await store().repository.readPrimes(0, 7)).toEqual(storedPrimes(PRIMES.slice(0, 7)));
      expect(await store().repository.readPrimes(14, 20)).toEqual(
        storedPrimes(PRIMES.slice(14, 20)),
      );
    },
  );

  it('refuses a chunk that does not follow the one before it', async () => {
    await storeTwentyPrimes();
    const { primes } = (await rawItem(store(), 0)) as { primes: Uint8Array };
    // A well-formed chunk 1 holding chunk 0's primes: every check of its own passes.
    await setAttribute(store(), 1, 'primes', primes);
    await setAttribute(store(), 1, 'first', PRIMES[0]);
    await setAttribute(store(), 1, 'last', PRIMES[6]);
    await setAttribute(store(), 1, 'crc32', (await rawItem(store(), 0))?.crc32);
    await expect(store().repository.readPrimes(0, 14)).rejects.toEqual(corruptChunk(1));
  });

  it('is repaired at the end by deleting the corrupt chunk: the next append rewrites it', async () => {
    await storeTwentyPrimes();
    await setAttribute(store(), 2, 'crc32', 1);
    await expect(store().repository.reach()).rejects.toEqual(corruptChunk(2));

    await deleteItem(store(), 2);
    expect(await store().repository.reach()).toEqual({ count: 14, lastPrime: PRIMES[13] });
    await store().repository.appendPrimes(14, PRIMES.slice(14, 20));
    expect(await store().repository.readPrimes(0, 20)).toEqual(storedPrimes(PRIMES.slice(0, 20)));
  });

  it('is repaired in the middle by deleting the chunk and lowering the meta hint to it', async () => {
    await storeTwentyPrimes();
    await setAttribute(store(), 1, 'count', 5);
    await expect(store().repository.readPrimes(0, 20)).rejects.toEqual(corruptChunk(1));

    await deleteItem(store(), 1);
    // Below the hint a missing chunk is corruption too, and says how to finish the repair.
    await expect(store().repository.readPrimes(0, 20)).rejects.toThrow(
      /meta item's count to 1 \* chunkCapacity/,
    );
    await setAttribute(store(), -1, 'count', 7);
    await setAttribute(store(), -1, 'last', PRIMES[6]);

    expect(await store().repository.reach()).toEqual({ count: 7, lastPrime: PRIMES[6] });
    await store().repository.appendPrimes(7, PRIMES.slice(7, 14));
    // The chunks after the repaired one were kept; reach walks over them again.
    expect(await store().repository.reach()).toEqual({ count: 20, lastPrime: PRIMES[19] });
    expect(await store().repository.readPrimes(0, 20)).toEqual(storedPrimes(PRIMES.slice(0, 20)));
  });
});
