import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { storedPrimes } from '../../../src/ports/prime-repository';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';
import { chunkKeysOf, recordCommands } from './command-recorder';
import { deleteItem, rawItem, setAttribute } from './raw-items';

const PRIMES = firstPrimes(120);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

describe('DynamoDbPrimeRepository meta hint', () => {
  it.each([0, 3, 7, 14, 19])(
    'finds the end from the chunks when the hint was left at %i',
    async (hint) => {
      await store().repository.appendPrimes(0, PRIMES.slice(0, 100));
      await setAttribute(store(), -1, 'count', hint);
      await setAttribute(store(), -1, 'last', hint === 0 ? 0 : PRIMES[hint - 1]);

      const fresh = await store().reopen();
      expect(await fresh.reach()).toEqual({ count: 100, lastPrime: PRIMES[99] });
      // The walk raised the hint, so the next reach starts where the chunks end.
      expect(await rawItem(store(), -1)).toMatchObject({ count: 100, last: PRIMES[99] });
      await fresh.appendPrimes(100, PRIMES.slice(100, 110));
      expect(await fresh.readPrimes(0, 110)).toEqual(storedPrimes(PRIMES.slice(0, 110)));
    },
  );

  it('keeps every chunk a writer stored before it died, though the hint was never raised', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 10));
    const { client } = store().clients;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UpdateItemCommand') throw new Error('the writer died');
        return next(args);
      },
      { step: 'initialize', name: 'dieBeforeTheHint' },
    );
    await expect(store().repository.appendPrimes(10, PRIMES.slice(10, 40))).rejects.toThrow(
      StoreUnavailableError,
    );
    client.middlewareStack.remove('dieBeforeTheHint');

    expect(await rawItem(store(), -1)).toMatchObject({ count: 10 });
    expect(await store().repository.reach()).toEqual({ count: 40, lastPrime: PRIMES[39] });
  });

  it('stops at the first chunk that is not full, whatever lies beyond it', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 40));
    await setAttribute(store(), -1, 'count', 7);
    // A writer that died with chunk 2 half written and chunks 3 and 4 already stored.
    await deleteItem(store(), 2);
    await store().repository.appendPrimes(14, PRIMES.slice(14, 17));
    await setAttribute(store(), -1, 'count', 7);

    expect(await store().repository.reach()).toEqual({ count: 17, lastPrime: PRIMES[16] });
    await store().repository.appendPrimes(17, PRIMES.slice(17, 21));
    expect(await store().repository.reach()).toEqual({ count: 40, lastPrime: PRIMES[39] });
    expect(await store().repository.readPrimes(0, 40)).toEqual(storedPrimes(PRIMES.slice(0, 40)));
  });

  it('walks from a hint behind in batches that double, and reads one chunk once it is right', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 100));
    await setAttribute(store(), -1, 'count', 0);
    const commands = recordCommands(store().clients.client);
    const coldReach = () =>
      new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
        chunkCapacity: 7,
      }).reach();
    const batchesRead = () =>
      commands
        .splice(0)
        .filter((command) => command.name === 'BatchGetItem')
        .map(chunkKeysOf);

    expect(await coldReach()).toEqual({ count: 100, lastPrime: PRIMES[99] });
    // Chunk 14 holds the last 2 primes: it ends the fourth batch.
    expect(batchesRead()).toEqual([[0], [1, 2], [3, 4, 5, 6], [7, 8, 9, 10, 11, 12, 13, 14]]);
    expect(await coldReach()).toEqual({ count: 100, lastPrime: PRIMES[99] });
    expect(batchesRead()).toEqual([[14]]);
  });

  it('finds an end on a chunk boundary from a hint behind it, and keeps no empty chunk', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 98));
    await setAttribute(store(), -1, 'count', 0);
    await setAttribute(store(), -1, 'last', 0);
    const fresh = await store().reopen();
    // The last prime comes from the last full chunk the walk read, chunk 13.
    expect(await fresh.reach()).toEqual({ count: 98, lastPrime: PRIMES[97] });
    expect((await fresh.describe()).chunkCache).toMatchObject({ chunks: 14, bytes: 98 * 8 });
    await fresh.appendPrimes(98, PRIMES.slice(98, 100));
    expect(await fresh.readPrimes(0, 100)).toEqual(storedPrimes(PRIMES.slice(0, 100)));
  });
});
