import { storedPrimes } from '../../../src/ports/prime-repository';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import { firstPrimes } from '../../support/reference-primes';
import { recordingLogger } from '../../support/recording-loggers';
import { useDynaliteStore } from './dynalite-fixture';
import { setAttribute } from './raw-items';

const PRIMES = firstPrimes(400);
const { store } = useDynaliteStore({ chunkCapacity: 7 });

interface BatchGetOutput {
  Responses?: Record<string, Record<string, unknown>[]>;
  UnprocessedKeys?: Record<string, { Keys: Record<string, unknown>[] }>;
}

/**
 * Makes BatchGetItem answer as a busy DynamoDB does: `keep(call)` says how many of the items it
 * found to return; the keys of the others come back in UnprocessedKeys.
 */
function leaveKeysUnprocessed(
  client: DynamoDBClient,
  keep: (call: number) => number,
): () => number {
  let calls = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'BatchGetItemCommand') return result;
      const output = result.output as BatchGetOutput;
      for (const [table, items] of Object.entries(output.Responses ?? {})) {
        const kept = items.slice(0, keep(calls));
        const moved = items.slice(kept.length).map((item) => ({ index: item.index }));
        output.Responses = { ...output.Responses, [table]: kept };
        if (moved.length > 0) {
          const already = output.UnprocessedKeys?.[table]?.Keys ?? [];
          output.UnprocessedKeys = {
            ...output.UnprocessedKeys,
            [table]: { ...output.UnprocessedKeys?.[table], Keys: [...already, ...moved] },
          };
        }
      }
      calls++;
      return result;
    },
    { step: 'initialize', name: 'leaveKeysUnprocessed' },
  );
  return () => calls;
}

/**
 * Records the backoff sleeps between BatchGetItem rounds, in units of the jitter: Math.random is
 * pinned to JITTER, and a sleep of k * JITTER ms comes back as k. Other timers (the SDK's and
 * dynalite's, whole milliseconds) are left out, as none is a whole multiple of JITTER.
 */
function recordBackoff(): () => number[] {
  const JITTER = 0.123456789;
  jest.spyOn(Math, 'random').mockReturnValue(JITTER);
  const timers = jest.spyOn(global, 'setTimeout');
  return () =>
    timers.mock.calls
      .map(([, ms]) => (ms ?? 0) / JITTER)
      .filter((units) => units > 0.5 && Math.abs(units - Math.round(units)) < 1e-6)
      .map(Math.round);
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('DynamoDbPrimeRepository with unprocessed keys', () => {
  it('reads every chunk although BatchGetItem processes only some keys per call', async () => {
    await store().repository.appendPrimes(0, PRIMES);
    const calls = leaveKeysUnprocessed(store().clients.client, (call) => [0, 1, 3][call % 3]);

    expect(await store().repository.readPrimes(0, 400)).toEqual(storedPrimes(PRIMES));
    // A reader that has kept no chunk in memory yet, over the same client.
    const backoff = recordBackoff();
    const logger = recordingLogger('debug');
    const reader = new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
      chunkCapacity: 7,
      logger,
    });
    expect(await reader.readPrimes(33, 377)).toEqual(storedPrimes(PRIMES.slice(33, 377)));
    expect(calls()).toBeGreaterThan(50);
    // Each retry says how many keys are left and how many answers in a row brought nothing.
    const retries = logger.entries.filter(({ message }) => message === 'retrying unprocessed keys');
    expect(retries.length).toBeGreaterThan(10);
    for (const { fields } of retries) {
      expect(fields).toEqual({ unprocessed: expect.any(Number), idleRounds: expect.any(Number) });
      expect(fields).not.toMatchObject({ unprocessed: 0 });
    }
    // No answer of nothing follows another here, so the count of them goes back to 0 each time.
    expect(
      new Set(retries.map(({ fields }) => (fields as { idleRounds: number }).idleRounds)),
    ).toEqual(new Set([0, 1]));
    // Only a round that brought nothing is followed by a pause: the shortest, about 50 ms.
    const idle = retries.filter(({ fields }) => (fields as { idleRounds: number }).idleRounds > 0);
    expect(backoff()).toEqual(idle.map(() => 50));
  });

  it('finds the end of the store through unprocessed keys too', async () => {
    await store().repository.appendPrimes(0, PRIMES);
    // With the hint at 0, reach() walks every chunk in growing batches.
    await setAttribute(store(), -1, 'count', 0);
    const calls = leaveKeysUnprocessed(store().clients.client, (call) => call % 2);
    const reader = new DynamoDbPrimeRepository(store().clients.documentClient, store().tableName, {
      chunkCapacity: 7,
    });
    expect(await reader.reach()).toEqual({ count: 400, lastPrime: PRIMES[399] });
    expect(calls()).toBeGreaterThan(Math.ceil(400 / 7));
  });

  it('gives up with StoreUnavailableError when no key is ever processed', async () => {
    await store().repository.appendPrimes(0, PRIMES.slice(0, 50));
    const calls = leaveKeysUnprocessed(store().clients.client, () => 0);
    const backoff = recordBackoff();
    const failure = await store()
      .repository.readPrimes(0, 50)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).toMatchObject({
      message: expect.stringMatching(/BatchGetItem on .* left 7 keys unprocessed 9 times in a row/),
    });
    // The first answer, then eight retries that each brought nothing, after pauses that double
    // from about 50 ms up to about 1 s (times the jitter).
    expect(calls()).toBe(9);
    expect(backoff()).toEqual([50, 100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });
});
