import { beyondStore, storedPrimes } from '../../../src/ports/prime-repository';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { makeLocalDynamoDbClients } from '../../../src/composition/engines/dynamodb-clients';
import { firstPrimes } from '../../support/reference-primes';
import { recordingLogger } from '../../support/recording-loggers';
import { useDynaliteStore } from './dynalite-fixture';
import { stallWrites } from './stalled-writes';

const { engine, store } = useDynaliteStore({ chunkCapacity: 7 });

/** The first primes by a plain sieve: the trial division of prime-fixtures is too slow for 10^5. */
function sievedPrimes(count: number): Float64Array {
  const limit = 2_000_000;
  const composite = new Uint8Array(limit);
  const primes = new Float64Array(count);
  for (let n = 2, found = 0; found < count; n++) {
    if (composite[n]) continue;
    primes[found++] = n;
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return primes;
}

describe('DynamoDbPrimeRepository capacity units', () => {
  it('reports the units dynalite says each call consumed', async () => {
    const repository = store().repository;
    expect((await repository.describe()).consumed).toEqual({ readUnits: 1, writeUnits: 0 });
    await repository.appendPrimes(0, firstPrimes(30));
    const { consumed } = await repository.describe();
    expect(consumed.writeUnits).toBeGreaterThan(0);
    expect(consumed.readUnits).toBeGreaterThan(0);
  });

  it('counts nothing for answers that report no consumed capacity', async () => {
    // An engine that meters nothing: every answer comes back without ConsumedCapacity.
    store().clients.client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        delete (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        return result;
      },
      { step: 'initialize', name: 'meterNothing' },
    );
    const primes = firstPrimes(20);
    await store().repository.appendPrimes(0, primes);
    expect(await store().repository.readPrimes(0, 20)).toEqual(storedPrimes(primes));
    expect((await store().repository.describe()).consumed).toEqual({ readUnits: 0, writeUnits: 0 });
  });

  it('reads the meta item and the end strongly consistent, the chunks of a range at half the price', async () => {
    const primes = firstPrimes(20);
    await store().repository.appendPrimes(0, primes);
    const logger = recordingLogger('debug');
    const reader = await store().reopen({ chunkCapacity: 7, chunkCacheBytes: 0, logger });
    // Every item here is under 4 KB: a unit per consistent read of one, half a unit otherwise.
    // The end: the meta item, then chunk 2, both consistent; the hint is right, so no write.
    expect((await reader.describe()).consumed).toEqual({ readUnits: 2, writeUnits: 0 });
    // Chunk 2, then chunks 0 and 1 in one batch, all eventually consistent.
    expect(await reader.readPrimes(0, 20)).toEqual(storedPrimes(primes));
    // (describe() finds the end as reach() does: 2 more units each time.)
    expect((await reader.describe()).consumed).toEqual({ readUnits: 2 + 1.5 + 2, writeUnits: 0 });
    // Past the end: chunk 2 comes back short, is read again consistently, then the end is found.
    expect(await reader.readPrimes(18, 21)).toEqual(
      beyondStore({ count: 20, lastPrime: primes[19] }),
    );
    expect((await reader.describe()).consumed).toEqual({
      readUnits: 5.5 + 0.5 + 1 + 2 + 2,
      writeUnits: 0,
    });
    expect(logger.entries).toEqual([
      { fields: { chunk: 2 }, message: 'chunk absent or short: reading it consistently' },
    ]);
  });

  // Chunks of 7 primes take under 1 KB; chunks of 2,000 (below 2e4, one byte a gap) just over
  // 2 KB, where a few bytes more or less in the estimate would change the units billed.
  it.each([
    [7, 30],
    [2_000, 5_000],
  ])(
    'counts the units of a refused conditional write as those of the write that won (chunks of %p)',
    async (chunkCapacity, count) => {
      const primes = sievedPrimes(count);
      const winner = new DynamoDbPrimeRepository(
        store().clients.documentClient,
        store().tableName,
        {
          chunkCapacity,
        },
      );
      // A writer that saw the store empty, then stalled before its first write...
      const clients = makeLocalDynamoDbClients(engine().endpoint);
      const { atWrite, resume } = stallWrites(clients.client);
      const late = new DynamoDbPrimeRepository(clients.documentClient, store().tableName, {
        chunkCapacity,
      });
      try {
        const lateAppend = late.appendPrimes(0, primes);
        await atWrite;
        // ...while another wrote it all: every write of the late one is refused, and still billed,
        // as DynamoDB billed the same items to the writer that stored them.
        await winner.appendPrimes(0, primes);
        resume();
        await lateAppend;
        const won = (await winner.describe()).consumed.writeUnits;
        expect(won).toBeGreaterThanOrEqual(1 + Math.ceil(count / chunkCapacity) + 1);
        expect((await late.describe()).consumed.writeUnits).toBe(won);
        expect(await late.readPrimes(0, count)).toEqual(storedPrimes(primes));
      } finally {
        clients.destroy();
      }
    },
  );

  it('stays within the design targets per million primes at the default chunk capacity', async () => {
    const repository = await store().reopen({});
    const capacity = repository.chunkCapacity;
    const primes = sievedPrimes(2 * capacity);
    await repository.appendPrimes(0, primes.subarray(0, capacity));
    await repository.appendPrimes(capacity, primes.subarray(capacity));
    const written = (await repository.describe()).consumed;

    const reader = await store().reopen({});
    expect(await reader.readPrimes(0, primes.length)).toEqual(storedPrimes(primes));
    const read = (await reader.describe()).consumed;

    const perMillion = (units: number): number => (units * 1e6) / primes.length;
    expect(perMillion(written.writeUnits)).toBeLessThan(1_200);
    expect(perMillion(read.readUnits)).toBeLessThan(200);
  });
});
