import { storedPrimes } from '../../../src/ports/prime-repository';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { makeLocalDynamoDbClients } from '../../../src/composition/engines/dynamodb-clients';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';

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

  it('counts the units of a refused conditional write', async () => {
    const primes = firstPrimes(30);
    // A writer that saw the store empty, then stalled before its first write...
    const clients = makeLocalDynamoDbClients(engine().endpoint);
    let resume = (): void => undefined;
    const stalled = new Promise<void>((resolve) => (resume = resolve));
    let stalledAtWrite = (): void => undefined;
    const atWrite = new Promise<void>((resolve) => (stalledAtWrite = resolve));
    clients.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand') {
          stalledAtWrite();
          await stalled;
        }
        return next(args);
      },
      { step: 'initialize', name: 'stallWrites' },
    );
    const late = new DynamoDbPrimeRepository(clients.documentClient, store().tableName, {
      chunkCapacity: 7,
    });
    try {
      const lateAppend = late.appendPrimes(0, primes);
      await atWrite;
      // ...while another wrote it all: every write of the late one is refused, and still billed.
      await store().repository.appendPrimes(0, primes);
      resume();
      await lateAppend;
      const { consumed } = await late.describe();
      expect(consumed.writeUnits).toBeGreaterThanOrEqual(5 + 1 + 1);
      expect(await late.readPrimes(0, 30)).toEqual(storedPrimes(primes));
    } finally {
      clients.destroy();
    }
  });

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
