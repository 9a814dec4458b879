import { crc32 } from 'node:zlib';
import { chunkItemOf } from '../../../src/adapters/dynamodb/chunk-item';
import { storedPrimes } from '../../../src/ports/prime-repository';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';
import { deleteItem, putItem, rawItem, setAttribute } from './raw-items';

const PRIMES = firstPrimes(40);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

async function storeTwentyPrimes(): Promise<void> {
  await store().repository.appendPrimes(0, PRIMES.slice(0, 20));
}

function corruptChunk(chunk: number): unknown {
  return expect.objectContaining({ name: 'StoreCorruptError', code: 'STORE_CORRUPT', chunk });
}

describe('DynamoDbPrimeRepository corruption', () => {
  // Chunk 1 holds 19, 23, 29, 31, 37, 41, 43; each tamper names the check that must catch it.
  const tampers: [string, (bytes: Uint8Array) => Record<string, unknown>, RegExp][] = [
    [
      'byte',
      (bytes) => ({ primes: Uint8Array.from(bytes, (b, i) => (i === 3 ? b ^ 1 : b)) }),
      /checksum \d+ does not match its bytes/,
    ],
    ['checksum', () => ({ crc32: 12345 }), /checksum 12345 does not match its bytes/],
    [
      'count',
      () => ({ count: 6 }),
      /its bytes do not hold 6 primes \(.*1 bytes left after 6 primes\)/,
    ],
    ['count past the capacity', () => ({ count: 8 }), /count 8 is not in \[1, 7\]/],
    ['fractional count', () => ({ count: 6.5 }), /count 6.5 is not in \[1, 7\]/],
    ['count as text', () => ({ count: '7' }), /count 7 is not in \[1, 7\]/],
    ['primes as text', () => ({ primes: 'two, three' }), /no primes attribute/],
    ['first prime', () => ({ first: 17 }), /first 17 but its bytes start at 19/],
    ['last prime', () => ({ last: 41 }), /last 41 but its bytes end at 43/],
    [
      'length (its last byte cut off)',
      (bytes) => ({ primes: bytes.slice(0, bytes.length - 1) }),
      /checksum \d+ does not match its bytes/,
    ],
    [
      'length, with a checksum that matches the shorter bytes',
      (bytes) => ({ primes: bytes.slice(0, -1), crc32: crc32(bytes.slice(0, -1)) }),
      /its bytes do not hold 7 primes \(.*ends after 6 of 7 primes\)/,
    ],
  ];

  it.each(tampers)(
    'refuses to serve a chunk with a tampered %s, naming the chunk and the check',
    async (_, tamper, reason) => {
      await storeTwentyPrimes();
      const { primes } = (await rawItem(store(), 1)) as { primes: Uint8Array };
      for (const [name, value] of Object.entries(tamper(primes))) {
        await setAttribute(store(), 1, name, value);
      }

      await expect(store().repository.readPrimes(0, 20)).rejects.toEqual(corruptChunk(1));
      await expect(store().repository.readPrimes(8, 9)).rejects.toThrow(/chunk 1 is corrupt/);
      await expect(store().repository.readPrimes(8, 9)).rejects.toThrow(reason);
      // Chunks that were not touched are still served.
      expect(await store().repository.readPrimes(0, 7)).toEqual(storedPrimes(PRIMES.slice(0, 7)));
      expect(await store().repository.readPrimes(14, 20)).toEqual(
        storedPrimes(PRIMES.slice(14, 20)),
      );
    },
  );

  it('refuses an end chunk that claims to hold no primes', async () => {
    await storeTwentyPrimes();
    // Chunk 2 is where the hint points: the walk to the end decodes it whatever it claims.
    await setAttribute(store(), 2, 'count', 0);
    await expect(store().repository.reach()).rejects.toEqual(corruptChunk(2));
    await expect(store().repository.reach()).rejects.toThrow(/count 0 is not in \[1, 7\]/);
  });

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

  it('refuses a chunk that starts with the last prime of the one before it', async () => {
    await storeTwentyPrimes();
    // Chunk 1 shifted back by one position: well formed, and touching chunk 0 at 17.
    await putItem(store(), { ...chunkItemOf(1, PRIMES.slice(6, 13)) });
    await expect(store().repository.readPrimes(0, 14)).rejects.toEqual(corruptChunk(1));
    await expect(store().repository.readPrimes(0, 14)).rejects.toThrow(
      /first 17 does not follow 17/,
    );
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
    // Until the append rewrites it, a range across the hole is still refused, not served short.
    await expect(store().repository.readPrimes(0, 20)).rejects.toEqual(corruptChunk(1));
    await store().repository.appendPrimes(7, PRIMES.slice(7, 14));
    // The chunks after the repaired one were kept; reach walks over them again.
    expect(await store().repository.reach()).toEqual({ count: 20, lastPrime: PRIMES[19] });
    expect(await store().repository.readPrimes(0, 20)).toEqual(storedPrimes(PRIMES.slice(0, 20)));
  });

  it.each<[string, () => Promise<void>]>([
    ['missing', () => deleteItem(store(), 1)],
    ['short', () => putItem(store(), { ...chunkItemOf(1, PRIMES.slice(7, 12)) })],
  ])(
    'refuses a range that ends in a chunk %s below the end the later chunks show',
    async (_, damage) => {
      await storeTwentyPrimes();
      await damage();
      // Chunk 2 still holds the store's end, so the range's last chunk is read a second time,
      // in case another writer stored it meanwhile, and only then refused: never served short.
      const fresh = await store().reopen();
      await expect(fresh.readPrimes(0, 14)).rejects.toEqual(corruptChunk(1));
      await expect(fresh.readPrimes(7, 14)).rejects.toThrow(
        /chunk 1 is corrupt: it is missing below the prefix the meta item records/,
      );
    },
  );

  it('finds the end at the hole when the hint is lowered only into the deleted chunk', async () => {
    await storeTwentyPrimes();
    await deleteItem(store(), 1);
    await setAttribute(store(), -1, 'count', 10);
    await setAttribute(store(), -1, 'last', PRIMES[9]);
    // The hint's last prime lies in the deleted chunk: the end's comes from chunk 0, read
    // strongly consistent as the meta item and chunk 1 are (a unit each, here and in describe()).
    const fresh = await store().reopen();
    expect(await fresh.reach()).toEqual({ count: 7, lastPrime: PRIMES[6] });
    expect((await fresh.describe()).consumed).toEqual({ readUnits: 6, writeUnits: 0 });
    await store().repository.appendPrimes(7, PRIMES.slice(7, 20));
    expect(await store().repository.readPrimes(0, 20)).toEqual(storedPrimes(PRIMES.slice(0, 20)));
  });

  it('is repaired by deleting its only chunk: the store is empty again', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 5));
    await setAttribute(store(), 0, 'crc32', 1);
    await expect(store().repository.reach()).rejects.toEqual(corruptChunk(0));

    await deleteItem(store(), 0);
    expect(await store().repository.reach()).toEqual({ count: 0, lastPrime: 0 });
    await store().repository.appendPrimes(0, PRIMES.slice(0, 9));
    expect(await store().repository.readPrimes(0, 9)).toEqual(storedPrimes(PRIMES.slice(0, 9)));
  });

  const missingBelowTheHint =
    /chunk 0 is corrupt: it is missing below the prefix the meta item records \(if it was deleted to repair it, also set the meta item's count to 0 \* chunkCapacity or lower\)/;
  it.each<[string, () => Promise<void>, RegExp]>([
    ['missing', () => deleteItem(store(), 0), missingBelowTheHint],
    [
      'short',
      () => putItem(store(), { ...chunkItemOf(0, PRIMES.slice(0, 5)) }),
      missingBelowTheHint,
    ],
    ['corrupt', () => setAttribute(store(), 0, 'crc32', 1), /chunk 0 is corrupt: checksum 1/],
  ])('refuses to find the end when the chunk before the hint is %s', async (_, damage, reason) => {
    await storeTwentyPrimes();
    await deleteItem(store(), 1);
    await setAttribute(store(), -1, 'count', 10);
    await damage();
    await expect(store().repository.reach()).rejects.toEqual(corruptChunk(0));
    await expect(store().repository.reach()).rejects.toThrow(reason);
  });

  it.each(['count', 'last', 'chunkCapacity', 'formatVersion'])(
    'refuses a meta item whose %s is not a number',
    async (name) => {
      await storeTwentyPrimes();
      await setAttribute(store(), -1, name, 'seven');
      const fresh = await store().reopen();
      await expect(fresh.reach()).rejects.toEqual(corruptChunk(-1));
      await expect(fresh.readPrimes(0, 3)).rejects.toThrow(/the meta item lacks attributes/);
    },
  );

  it('refuses a table written in another format version, and writes nothing to it', async () => {
    await storeTwentyPrimes();
    await setAttribute(store(), -1, 'formatVersion', 2);
    const fresh = await store().reopen();
    const mismatch = {
      name: 'StoreLayoutMismatchError',
      code: 'STORE_LAYOUT_MISMATCH',
      setting: 'formatVersion',
      expected: 1,
      found: 2,
      message:
        `table ${store().tableName} holds chunks with formatVersion 2, but this repository ` +
        'uses 1; open it with formatVersion 2 or use another table',
    };
    await expect(fresh.reach()).rejects.toMatchObject(mismatch);
    await expect(fresh.appendPrimes(20, PRIMES.slice(20, 30))).rejects.toMatchObject(mismatch);
    expect(await rawItem(store(), 2)).toMatchObject({ count: 6 });
  });
});
