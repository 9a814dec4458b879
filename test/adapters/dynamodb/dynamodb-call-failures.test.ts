import type { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { DynamoDbCountMemory } from '../../../src/adapters/dynamodb/dynamodb-count-memory';
import { firstPrimes } from '../../support/reference-primes';
import { useDynaliteStore } from './dynalite-fixture';

const PRIMES = firstPrimes(30);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

/**
 * Makes every `command` the store's client sends for an item of `index` (or for any, without it)
 * fail with `failure`, before it reaches the table.
 */
function failEvery(command: string, failure: Error, index?: number): void {
  store().clients.client.middlewareStack.add(
    (next, context) => async (args) => {
      const { Item } = args.input as { Item?: { index?: unknown } };
      const forIndex = index === undefined || Item?.index === index;
      if (context.commandName === `${command}Command` && forIndex) throw failure;
      return next(args);
    },
    { step: 'initialize', name: 'failEvery' },
  );
}

describe('DynamoDbPrimeRepository when a call fails', () => {
  // The puts fail for one item only: the meta item, or chunk 3, so that a failure swallowed
  // there would let the rest of the append go on.
  it.each<
    [
      string,
      string,
      number,
      number | undefined,
      (repository: DynamoDbPrimeRepository) => Promise<unknown>,
    ]
  >([
    ['reading the meta item', 'GetItem', 20, undefined, (repository) => repository.reach()],
    ['walking to the end', 'BatchGetItem', 20, undefined, (repository) => repository.reach()],
    [
      'creating the meta item',
      'PutItem',
      0,
      -1,
      (repository) => repository.appendPrimes(0, PRIMES),
    ],
    [
      'putting a chunk',
      'PutItem',
      20,
      3,
      (repository) => repository.appendPrimes(20, PRIMES.slice(20)),
    ],
    [
      'raising the hint',
      'UpdateItem',
      20,
      undefined,
      (repository) => repository.appendPrimes(20, PRIMES.slice(20)),
    ],
  ])(
    'reports a failure %s as StoreUnavailableError naming %s, with the cause',
    async (_, command, stored, index, act) => {
      if (stored > 0) await store().repository.appendPrimes(0, PRIMES.slice(0, stored));
      const cause = new Error('the table is gone');
      failEvery(command, cause, index);
      await expect(act(store().repository)).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        code: 'STORE_UNAVAILABLE',
        message: `${command} on table ${store().tableName} failed: Error: the table is gone`,
        cause,
      });
    },
  );
});

describe('DynamoDbCountMemory when a call fails', () => {
  const question = { from: 0n, to: 10n ** 6n };
  it.each<[string, string, (memory: DynamoDbCountMemory) => Promise<unknown>]>([
    ['recalling', 'GetItem', (memory) => memory.recall(question)],
    ['remembering', 'PutItem', (memory) => memory.remember(question, 78_498n)],
  ])(
    'reports a failure %s as StoreUnavailableError naming %s, with the cause',
    async (_, command, act) => {
      const cause = new Error('the table is gone');
      failEvery(command, cause);
      const memory = new DynamoDbCountMemory(store().clients.client, store().tableName);
      await expect(act(memory)).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        message: `${command} of a remembered count on ${store().tableName} failed: Error: the table is gone`,
        cause,
      });
    },
  );
});
