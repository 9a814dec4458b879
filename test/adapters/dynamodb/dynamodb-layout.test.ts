import { storedPrimes } from '../../../src/ports/prime-repository';
import { crc32 } from 'node:zlib';
import {
  DynamoDbPrimeRepository,
  type DynamoDbPrimeRepositoryOptions,
} from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { StoreLayoutMismatchError } from '../../../src/adapters/dynamodb/store-layout-mismatch-error';
import { encodePrimeRun } from '../../../src/domain/codec/prime-run-codec';
import { firstPrimes } from '../../support/reference-primes';
import { chunkKeysOf, recordCommands } from './command-recorder';
import { useDynaliteStore } from './dynalite-fixture';
import { stallWrites } from './stalled-writes';
import { makeLocalDynamoDbClients } from '../../../src/composition/engines/dynamodb-clients';
import { rawItem, setAttribute } from './raw-items';
import { ExtendPrimes } from '../../../src/domain/use-cases/extend-primes';
import { ManualClock } from '../../support/manual-clock';

const PRIMES = firstPrimes(40);
const { engine, store } = useDynaliteStore({ chunkCapacity: 7 });

describe('DynamoDbPrimeRepository layout', () => {
  it('stores chunk k as the primes of positions [7k, 7k + n), gap-coded, with their checks', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 20));
    for (const [index, from, to] of [
      [0, 0, 7],
      [1, 7, 14],
      [2, 14, 20],
    ]) {
      const bytes = encodePrimeRun(PRIMES.slice(from, to));
      expect(await rawItem(store(), index)).toEqual({
        index,
        count: to - from,
        first: PRIMES[from],
        last: PRIMES[to - 1],
        crc32: crc32(bytes),
        primes: bytes,
      });
    }
    expect(await rawItem(store(), 3)).toBeUndefined();
  });

  it('keeps the prefix hint, the last prime and the layout in the meta item, index -1', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 20));
    expect(await rawItem(store(), -1)).toEqual({
      index: -1,
      count: 20,
      last: PRIMES[19],
      chunkCapacity: 7,
      formatVersion: 1,
    });
  });

  it('refuses a table laid out with another chunk capacity, and writes nothing to it', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 10));
    const other = await store().reopen({ chunkCapacity: 8 });
    await expect(other.reach()).rejects.toThrow(StoreLayoutMismatchError);
    await expect(other.readPrimes(0, 3)).rejects.toThrow(/chunkCapacity 7/);
    await expect(other.appendPrimes(10, PRIMES.slice(10, 20))).rejects.toThrow(
      StoreLayoutMismatchError,
    );
    expect(await rawItem(store(), -1)).toMatchObject({ count: 10, chunkCapacity: 7 });
    expect(await store().repository.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
  });

  it('obeys the layout of a writer that created the table between its look and its first write', async () => {
    const clients = makeLocalDynamoDbClients(engine().endpoint);
    const { atWrite, resume } = stallWrites(clients.client);
    const eight = new DynamoDbPrimeRepository(clients.documentClient, store().tableName, {
      chunkCapacity: 8,
    });
    try {
      // It found no meta item, and waits to create one...
      const late = eight.appendPrimes(0, PRIMES.slice(0, 10));
      await atWrite;
      // ...while a writer of chunks of 7 creates it and stores its primes.
      await store().repository.appendPrimes(0, PRIMES.slice(0, 10));
      resume();
      await expect(late).rejects.toThrow(StoreLayoutMismatchError);
      expect(await rawItem(store(), 0)).toMatchObject({ count: 7 });
      expect(await rawItem(store(), -1)).toMatchObject({ count: 10, chunkCapacity: 7 });
    } finally {
      clients.destroy();
    }
  });

  it('lets the first writer of a fresh table fix its chunk capacity', async () => {
    const seven = store().repository;
    const eight = await store().reopen({ chunkCapacity: 8 });
    const outcomes = await Promise.allSettled([
      seven.appendPrimes(0, PRIMES.slice(0, 10)),
      eight.appendPrimes(0, PRIMES.slice(0, 10)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const { chunkCapacity } = (await rawItem(store(), -1)) as { chunkCapacity: number };
    const winner = chunkCapacity === 7 ? seven : eight;
    expect(await winner.readPrimes(0, 10)).toEqual(storedPrimes(PRIMES.slice(0, 10)));
  });

  it('extends a store by a few primes with one chunk read and at most two chunk writes', async () => {
    // Written by another process: this repository has not seen the store, as a cold Lambda.
    await (await store().reopen()).appendPrimes(0, PRIMES.slice(0, 20));
    const commands = recordCommands(store().clients.client);
    const extend = new ExtendPrimes(store().repository, new ManualClock());
    expect((await extend.execute({ count: 23 })).reach.count).toBe(23);

    const reads = commands.filter((c) => c.name === 'GetItem' || c.name === 'BatchGetItem');
    const writes = commands.filter((c) => c.name === 'PutItem');
    expect(reads.flatMap(chunkKeysOf)).toEqual([2]);
    expect(writes.flatMap(chunkKeysOf)).toEqual([2, 3]);
    // Besides the chunks, the meta item is read once, and never created: it exists already. The
    // extension ends chunk 2 first, then starts chunk 3, raising the hint after each.
    expect(commands.map((c) => [c.name, ...chunkKeysOf(c)])).toEqual([
      ['GetItem'],
      ['BatchGetItem', 2],
      ['PutItem', 2],
      ['UpdateItem'],
      ['PutItem', 3],
      ['UpdateItem'],
    ]);
    // The next append builds on the end this one wrote: no read at all.
    commands.splice(0);
    await store().repository.appendPrimes(23, PRIMES.slice(23, 26));
    expect(commands.map((c) => [c.name, ...chunkKeysOf(c)])).toEqual([
      ['PutItem', 3],
      ['UpdateItem'],
    ]);
    expect(await store().repository.readPrimes(0, 26)).toEqual(storedPrimes(PRIMES.slice(0, 26)));
  });

  it('reads back what it wrote to a fresh table without reading the meta item again', async () => {
    const commands = recordCommands(store().clients.client);
    const uncached = new DynamoDbPrimeRepository(
      store().clients.documentClient,
      store().tableName,
      {
        chunkCapacity: 7,
        chunkCacheBytes: 0,
      },
    );
    await uncached.appendPrimes(0, PRIMES.slice(0, 12));
    // The meta item looked for, found absent and created: its layout is this writer's own.
    expect(commands.splice(0).map((c) => [c.name, ...chunkKeysOf(c)])).toEqual([
      ['GetItem'],
      ['PutItem'],
      ['PutItem', 0],
      ['PutItem', 1],
      ['UpdateItem'],
    ]);
    expect(await uncached.readPrimes(0, 12)).toEqual(storedPrimes(PRIMES.slice(0, 12)));
    expect(commands.map((c) => [c.name, ...chunkKeysOf(c)])).toEqual([
      ['GetItem', 1],
      ['BatchGetItem', 0],
    ]);
  });

  it('reads by key only, and asks every call for the capacity it consumed', async () => {
    const commands = recordCommands(store().clients.client);
    const repository = store().repository;
    await repository.appendPrimes(0, PRIMES.slice(0, 30));
    await repository.appendPrimes(25, PRIMES.slice(25, 33));
    await repository.readPrimes(3, 33);
    await repository.describe();

    const names = new Set(commands.map((command) => command.name));
    expect([...names].sort()).toEqual(['BatchGetItem', 'GetItem', 'PutItem', 'UpdateItem']);
    for (const command of commands) {
      expect(command.input.ReturnConsumedCapacity).toBe('TOTAL');
    }
  });

  // Tables in use were laid out with this capacity, and a repository refuses a table of another
  // one: a change of default would lock every existing deployment out of its own store.
  it('defaults to chunks of 65,536 primes, and lays a fresh table out with them', async () => {
    const repository = await store().reopen({});
    expect(repository.chunkCapacity).toBe(65_536);
    await repository.appendPrimes(0, PRIMES.slice(0, 3));
    expect(await rawItem(store(), -1)).toMatchObject({ chunkCapacity: 65_536 });
  });

  it('refuses chunk capacities outside [1, 100,000] and write concurrencies below 1', () => {
    const { documentClient } = store().clients;
    const open = (options: DynamoDbPrimeRepositoryOptions) =>
      new DynamoDbPrimeRepository(documentClient, store().tableName, options);
    for (const chunkCapacity of [0, -7, 1.5, 100_001, Number.NaN]) {
      expect(() => open({ chunkCapacity })).toThrow(
        'chunkCapacity must be a whole number in [1, 100000]',
      );
    }
    for (const writeConcurrency of [0, -1, 2.5, Number.NaN]) {
      expect(() => open({ writeConcurrency })).toThrow(
        'writeConcurrency must be a whole number >= 1',
      );
    }
    expect(open({ chunkCapacity: 1, writeConcurrency: 1 }).chunkCapacity).toBe(1);
    expect(open({ chunkCapacity: 100_000 }).chunkCapacity).toBe(100_000);
  });

  it('stores one prime per chunk, and asks BatchGetItem for 100 keys at most, its limit', async () => {
    const primes = firstPrimes(150);
    const ones = await store().reopen({ chunkCapacity: 1 });
    await ones.appendPrimes(0, primes);
    // A hint left at 0 makes the walk to the end grow its batches up to the limit.
    await setAttribute(store(), -1, 'count', 0);
    const commands = recordCommands(store().clients.client);
    const reader = new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
      chunkCapacity: 1,
      chunkCacheBytes: 0,
    });
    expect(await reader.reach()).toEqual({ count: 150, lastPrime: primes[149] });
    const walk = commands.splice(0).filter((command) => command.name === 'BatchGetItem');
    expect(walk.map((command) => chunkKeysOf(command).length)).toEqual([
      1, 2, 4, 8, 16, 32, 64, 100,
    ]);
    expect(await reader.readPrimes(0, 150)).toEqual(storedPrimes(primes));
    const batches = commands.filter((command) => command.name === 'BatchGetItem');
    expect(batches.map((command) => chunkKeysOf(command).length)).toEqual([100, 49]);
  });

  it.each<[string, number | undefined, number]>([
    ['the default of 8', undefined, 8],
    ['a writeConcurrency of 3', 3, 3],
    ['a writeConcurrency of 1', 1, 1],
  ])('keeps no more chunk puts in flight than %s', async (_, writeConcurrency, most) => {
    const { client, documentClient } = store().clients;
    const writer = new DynamoDbPrimeRepository(documentClient, store().tableName, {
      chunkCapacity: 7,
      writeConcurrency,
    });
    let inFlight = 0;
    let highest = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'PutItemCommand') return next(args);
        highest = Math.max(highest, ++inFlight);
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: 'initialize', name: 'countPutsInFlight' },
    );
    const primes = firstPrimes(7 * 20);
    await writer.appendPrimes(0, primes);
    expect(highest).toBe(most);
    expect(await store().repository.readPrimes(0, 140)).toEqual(storedPrimes(primes));
  });

  it('refuses an append on a chunk boundary whose first prime does not follow the stored last', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 7));
    // Ascending in itself, but 13 after the stored 17: chunk 1 would start below chunk 0's end.
    const behind = Float64Array.from([PRIMES[5], PRIMES[7], PRIMES[8]]);
    await expect(store().repository.appendPrimes(7, behind)).rejects.toThrow(/13 cannot follow 17/);
    expect(await rawItem(store(), 1)).toBeUndefined();
    expect(await store().repository.reach()).toEqual({ count: 7, lastPrime: PRIMES[6] });
  });

  it('reads chunks of 100,000 in batches of 10, about the 1 MB one BatchGetItem answers', async () => {
    // The store checks that a run ascends by even gaps, not that it holds primes: odd numbers make
    // a run of any length at no cost, here eleven full chunks and one more number.
    const run = Float64Array.from({ length: 11 * 100_000 + 1 }, (_, i) => 3 + 2 * i);
    const writer = await store().reopen({ chunkCapacity: 100_000 });
    await writer.appendPrimes(0, run);
    const commands = recordCommands(store().clients.client);
    const reader = new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
      chunkCapacity: 100_000,
      chunkCacheBytes: 0,
    });
    const read = await reader.readPrimes(0, run.length);
    // Compared byte for byte: jest's deep equality takes seconds over a million numbers.
    expect(read.stored && Buffer.from(read.primes.buffer).equals(Buffer.from(run.buffer))).toBe(
      true,
    );
    const batches = commands.filter((command) => command.name === 'BatchGetItem');
    expect(batches.map((command) => chunkKeysOf(command).length)).toEqual([10, 1]);
  });
});
