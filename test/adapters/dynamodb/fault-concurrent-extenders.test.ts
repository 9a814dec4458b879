import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { ExtendPrimes, type ExtensionOutcome } from '../../../src/domain/use-cases/extend-primes';
import type { PrimeRepository } from '../../../src/ports/prime-repository';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import { auditStore } from '../../chaos/support/store-audit';
import { firstPrimes } from '../../support/reference-primes';
import { watchChunkCounts } from '../../chaos/support/chunk-watch';
import { ALL_FAULT_KINDS, makeFaultyClients, seededRandom } from '../../support/fault-injection';
import { useDynaliteStore } from './dynalite-fixture';
import { ManualClock } from '../../support/manual-clock';

const CHUNK = 41;
const TARGET = 2_000;
const EXTENDERS = 8;
const REFERENCE = firstPrimes(TARGET);

const { engine, store } = useDynaliteStore({ chunkCapacity: CHUNK });
// Clients a test opened beside the store's own, closed after each test.
const opened: { destroy(): void }[] = [];
afterEach(() => {
  for (const clients of opened.splice(0)) clients.destroy();
});

/** Eight repositories over one table, each with its own clients, as eight processes hold them. */
async function eightRepositories(): Promise<PrimeRepository[]> {
  return Promise.all(Array.from({ length: EXTENDERS }, () => store().reopen()));
}

/** Eight repositories whose every call may meet a fault (20 % of them), seeded apart. */
function eightFaultyRepositories(): PrimeRepository[] {
  return Array.from({ length: EXTENDERS }, (_, seed) => {
    const clients = makeFaultyClients(
      engine().endpoint,
      { retryStrategy: new ConfiguredRetryStrategy(3, (attempt) => 2 ** attempt) },
      { rate: 0.2, kinds: ALL_FAULT_KINDS, random: seededRandom(100 + seed), slowMs: 10 },
    );
    opened.push(clients);
    return new DynamoDbPrimeRepository(clients.documentClient, store().tableName, {
      chunkCapacity: CHUNK,
    });
  });
}

/** Starts all extenders at once on the same target and waits for every one of them. */
async function raceToTarget(
  repositories: PrimeRepository[],
  retryUnavailable: boolean,
): Promise<PromiseSettledResult<ExtensionOutcome>[]> {
  const watch = watchChunkCounts(store().clients.documentClient, store().tableName);
  const settled = await Promise.allSettled(
    repositories.map(async (repository) => {
      const extend = new ExtendPrimes(repository, new ManualClock());
      for (;;) {
        try {
          return await extend.execute({ count: TARGET });
        } catch (error) {
          // A caller told "unavailable, retry" retries; any other error fails the test.
          if (!retryUnavailable || !(error instanceof StoreUnavailableError)) throw error;
        }
      }
    }),
  );
  // No chunk, and not the meta hint, was ever seen to shrink.
  expect(await watch.stop()).toEqual([]);
  expect(watch.looks()).toBeGreaterThan(1);
  return settled;
}

async function expectWholeTarget(): Promise<void> {
  const audit = await auditStore(
    store().clients.documentClient,
    store().tableName,
    CHUNK,
    REFERENCE,
  );
  expect(audit).toEqual({ count: TARGET, chunks: Math.ceil(TARGET / CHUNK), hint: TARGET });
}

function fulfilledOutcomes(settled: PromiseSettledResult<ExtensionOutcome>[]): ExtensionOutcome[] {
  // Each rejection would show here with its error, rather than as a bare count.
  expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
  return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

describe(`${EXTENDERS} ExtendPrimes racing over one DynamoDB table`, () => {
  it('end with the same correct store from an empty one, none of them failing', async () => {
    const outcomes = fulfilledOutcomes(await raceToTarget(await eightRepositories(), false));
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        complete: true,
        reach: { count: TARGET, lastPrime: REFERENCE[TARGET - 1] },
      });
    }
    await expectWholeTarget();
  });

  it('end with the same correct store from a partly filled one, ending mid-chunk', async () => {
    await new ExtendPrimes(store().repository, new ManualClock()).execute({ count: 1_234 });
    const outcomes = fulfilledOutcomes(await raceToTarget(await eightRepositories(), false));
    for (const outcome of outcomes) expect(outcome.complete).toBe(true);
    await expectWholeTarget();
  });

  it('end with the same correct store when 20 % of their calls meet faults', async () => {
    await new ExtendPrimes(store().repository, new ManualClock()).execute({ count: 500 });
    const outcomes = fulfilledOutcomes(await raceToTarget(eightFaultyRepositories(), true));
    for (const outcome of outcomes) expect(outcome.complete).toBe(true);
    await expectWholeTarget();
  });
});
