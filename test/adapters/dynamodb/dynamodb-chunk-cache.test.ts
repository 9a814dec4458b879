import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { storedPrimes } from '../../../src/ports/prime-repository';
import { DEFAULT_PRIME_LIMITS } from '../../../src/domain/values/prime-limits';
import { PageRequest } from '../../../src/domain/values/page-request';
import { ValueRange } from '../../../src/domain/values/value-range';
import type { PrimeUseCases } from '../../../src/domain/use-cases/prime-use-cases';
import { firstPrimes } from '../../support/reference-primes';
import { realClock, useCasesOver } from '../../support/memory-use-cases';
import { recordCommands, type RecordedCommand } from './command-recorder';
import { useDynaliteStore } from './dynalite-fixture';

const CHUNK = 100;
const PRIMES = firstPrimes(2_000);
const { store } = useDynaliteStore({ chunkCapacity: CHUNK });

/** The real use cases over the test's DynamoDB repository, as a root wires them. */
function service(): PrimeUseCases {
  return useCasesOver(store().repository, realClock, DEFAULT_PRIME_LIMITS);
}

function page(limit: number, cursor?: string): PageRequest {
  return PageRequest.of(limit, cursor, DEFAULT_PRIME_LIMITS);
}

/** Every prime in [from, to], walking the pages of `limit` with their cursors. */
async function listAll(useCases: PrimeUseCases, from: number, to: number, limit: number) {
  const range = ValueRange.of(from, to, DEFAULT_PRIME_LIMITS);
  const primes: number[] = [];
  let cursor: string | undefined;
  do {
    const answer = await useCases.listPrimes.inRange(range, page(limit, cursor), Infinity);
    primes.push(...answer.primes);
    cursor = answer.next ?? undefined;
  } while (cursor !== undefined);
  return primes;
}

function reads(commands: readonly RecordedCommand[]): RecordedCommand[] {
  return commands.filter((command) => ['GetItem', 'BatchGetItem'].includes(command.name));
}

describe('DynamoDbPrimeRepository keeping decoded chunks', () => {
  it('answers warm requests of every reading kind without a call to DynamoDB', async () => {
    // 1,234 primes: twelve full chunks and a partial thirteenth of 34.
    await store().repository.appendPrimes(0, PRIMES.slice(0, 1_234));
    const useCases = service();
    const ask = async () => ({
      upTo100: (
        await useCases.listPrimes.inRange(
          ValueRange.of(0, 100, DEFAULT_PRIME_LIMITS),
          page(50),
          Infinity,
        )
      ).primes,
      nth: await useCases.listPrimes.nth(1_000, Infinity),
      first: (await useCases.listPrimes.first(1_234, page(1_234), Infinity)).primes,
      inRange: await listAll(useCases, 5_000, PRIMES[1_233], 300),
      isPrime: await useCases.testPrimality.isPrime(PRIMES[1_200]),
      isComposite: await useCases.testPrimality.isPrime(PRIMES[1_200] + 1),
    });
    const cold = await ask();
    const commands = recordCommands(store().clients.client);
    const warm = await ask();

    expect(reads(commands)).toEqual([]);
    expect(commands).toEqual([]);
    expect(warm).toEqual(cold);
    expect(Array.from(warm.upTo100)).toEqual(Array.from(PRIMES.slice(0, 25)));
    expect(warm.nth).toBe(PRIMES[999]);
    expect(Array.from(warm.first)).toEqual(Array.from(PRIMES.slice(0, 1_234)));
    expect(warm.inRange).toEqual(Array.from(PRIMES.slice(669, 1_234)));
    expect([warm.isPrime, warm.isComposite]).toEqual([true, false]);
    const { chunkCache } = await store().repository.describe();
    expect(chunkCache.chunks).toBe(13);
    expect(chunkCache.bytes).toBe(1_234 * 8);
    expect(chunkCache.hits).toBeGreaterThan(chunkCache.misses);
  });

  it('reads each chunk once while paging through a range, page edges inside chunks', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 1_500));
    const commands = recordCommands(store().clients.client);
    const listed = await listAll(service(), 0, PRIMES[1_499], 130);

    expect(listed).toEqual(Array.from(PRIMES.slice(0, 1_500)));
    const chunkReads = reads(commands).flatMap((command) => chunkKeysRead(command));
    // Chunks 0 to 14, each once; past them only the look that finds the store ends at 1,500.
    for (let index = 0; index < 15; index++) {
      expect(chunkReads.filter((read) => read === index)).toEqual([index]);
    }
    expect(chunkReads.every((index) => index <= 15)).toBe(true);
  });

  it('reads the partial last chunk again for an answer past what it held', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 1_234));
    const useCases = service();
    expect(await useCases.listPrimes.nth(1_234, Infinity)).toBe(PRIMES[1_233]);
    // Another process stores more; this one still holds chunk 12 with its 34 primes.
    const other = await store().reopen();
    await other.appendPrimes(1_234, PRIMES.slice(1_234, 1_290));
    const commands = recordCommands(store().clients.client);

    expect(await useCases.listPrimes.nth(1_230, Infinity)).toBe(PRIMES[1_229]);
    expect(reads(commands)).toEqual([]);
    expect(await useCases.listPrimes.nth(1_280, Infinity)).toBe(PRIMES[1_279]);
    const chunkReads = reads(commands).flatMap((command) => chunkKeysRead(command));
    expect(chunkReads).toContain(12);
    expect(chunkReads.every((index) => index === 12 || index === -1)).toBe(true);
    // Not extended by this process: the primes came from the other writer's chunk.
    expect(commands.some((command) => command.name === 'PutItem')).toBe(false);
  });

  it('fetches only the chunks of a range it does not keep, when kept ones lie within it', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 1_000));
    const commands = recordCommands(store().clients.client);
    const keeping = new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
      chunkCapacity: CHUNK,
    });
    expect(await keeping.readPrimes(700, 1_000)).toEqual(storedPrimes(PRIMES.slice(700, 1_000)));
    commands.splice(0);
    // Chunks 7 to 9 are kept: the batch stops before them, and they are placed from memory.
    expect(await keeping.readPrimes(0, 1_000)).toEqual(storedPrimes(PRIMES.slice(0, 1_000)));
    expect(reads(commands).flatMap((command) => chunkKeysRead(command))).toEqual([
      0, 1, 2, 3, 4, 5, 6,
    ]);
  });

  it('reads every chunk from the table when told to keep none', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 300));
    const { documentClient } = store().clients;
    const uncached = new DynamoDbPrimeRepository(documentClient, store().tableName, {
      chunkCapacity: CHUNK,
      chunkCacheBytes: 0,
    });
    expect(await uncached.readPrimes(0, 300)).toEqual(storedPrimes(PRIMES.slice(0, 300)));
    const commands = recordCommands(store().clients.client);
    expect(await uncached.readPrimes(0, 300)).toEqual(storedPrimes(PRIMES.slice(0, 300)));
    expect(reads(commands).flatMap((command) => chunkKeysRead(command))).toEqual([2, 0, 1]);
    expect((await uncached.describe()).chunkCache).toMatchObject({ chunks: 0, bytes: 0, hits: 0 });
  });
});

function chunkKeysRead(command: RecordedCommand): number[] {
  const input = command.input as {
    Key?: { index: number };
    RequestItems?: Record<string, { Keys: { index: number }[] }>;
  };
  if (input.Key) return [input.Key.index];
  return Object.values(input.RequestItems ?? {}).flatMap((request) =>
    request.Keys.map((key) => key.index),
  );
}
