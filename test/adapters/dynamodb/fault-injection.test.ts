import { storedPrimes } from '../../../src/ports/prime-repository';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { ExtendPrimes } from '../../../src/domain/use-cases/extend-primes';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import {
  ALL_FAULT_KINDS,
  makeFaultyClients,
  seededRandom,
  type FaultKind,
  type FaultPlan,
  type FaultTally,
} from '../../support/fault-injection';
import type { DynamoDbRetrySettings } from '../../../src/composition/engines/dynamodb-retries';
import { useDynaliteStore } from './dynalite-fixture';
import { ManualClock } from '../../support/manual-clock';
import { firstPrimes } from '../../support/reference-primes';

const CHUNK = 37;
const TARGET = 3_000;
const PRIMES = firstPrimes(TARGET);
// The SDK's standard strategy with a short backoff: the same classification, attempt limit and
// retry quota as in the roots, without throttling's 1 s base delay slowing the suite down.
const quickRetries = (maxAttempts: number): DynamoDbRetrySettings => ({
  retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) => 2 ** attempt),
});

const { engine, store } = useDynaliteStore({ chunkCapacity: CHUNK });
// Clients a test opened beside the store's own, closed after each test.
const opened: { destroy(): void }[] = [];
afterEach(() => {
  for (const clients of opened.splice(0)) clients.destroy();
});

/** A repository over this test's table whose every call may meet a fault. */
function faultyRepository(
  retry: DynamoDbRetrySettings,
  plan: FaultPlan,
): { repository: DynamoDbPrimeRepository; tally: FaultTally } {
  const clients = makeFaultyClients(engine().endpoint, retry, plan);
  opened.push(clients);
  const repository = new DynamoDbPrimeRepository(clients.documentClient, store().tableName, {
    chunkCapacity: CHUNK,
    // Every read must reach the faulty engine: none may be answered from memory.
    chunkCacheBytes: 0,
  });
  return { repository, tally: clients.tally };
}

/**
 * What a caller does with the retryable error (the HTTP API answers 503, the client calls again):
 * runs `attempt` until it succeeds, checking that every failure on the way is
 * StoreUnavailableError. Returns the result and how many failures it took.
 */
async function untilDone<T>(attempt: () => Promise<T>): Promise<{ result: T; failures: number }> {
  for (let failures = 0; failures < 50; failures++) {
    try {
      return { result: await attempt(), failures };
    } catch (error) {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    }
  }
  throw new Error('50 failures in a row: the faults won, retries are not working');
}

async function expectStoreHoldsTarget(): Promise<void> {
  const clean = await store().reopen();
  expect(await clean.reach()).toEqual({ count: TARGET, lastPrime: PRIMES[TARGET - 1] });
  expect(await clean.readPrimes(0, TARGET)).toEqual(storedPrimes(PRIMES));
}

describe('DynamoDbPrimeRepository under DynamoDB faults', () => {
  it.each<[FaultKind, string[]]>([
    ['throttle', ['ProvisionedThroughputExceededException', 'ThrottlingException']],
    ['reset-before', ['Error']],
  ])(
    'retries %s through the SDK strategy, then fails with StoreUnavailableError',
    async (kind, causes) => {
      const plan = { rate: 1, kinds: [kind], random: seededRandom(1) };
      const { repository, tally } = faultyRepository(quickRetries(4), plan);

      const failure = await repository.reach().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(causes).toContain((failure as StoreUnavailableError & { cause: Error }).cause.name);
      // One call, four attempts: the SDK retried it, and the adapter added none of its own.
      expect(tally.attempts).toBe(4);
    },
  );

  it('takes a write whose answer was lost as done when its retry meets the write itself', async () => {
    const plan = { rate: 1, kinds: ['reset-after'] as const, random: seededRandom(2) };
    const { repository, tally } = faultyRepository(quickRetries(2), plan);
    // Every attempt is applied and its answer lost: each put fails twice, yet is stored.
    await expect(repository.appendPrimes(0, PRIMES.slice(0, 100))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(tally.injected['reset-after']).toBeGreaterThan(0);
    const clean = await store().reopen();
    const { count } = await clean.reach();
    expect(await clean.readPrimes(0, count)).toEqual(storedPrimes(PRIMES.slice(0, count)));
    // A put answered by its own earlier attempt is refused as "already as long": no error.
    const { repository: lossy } = faultyRepository(quickRetries(3), {
      rate: 0.5,
      kinds: ['reset-after'],
      random: seededRandom(3),
    });
    const { failures } = await untilDone(() => lossy.appendPrimes(count, PRIMES.slice(count, 400)));
    expect(failures).toBeLessThan(50);
    expect(await clean.readPrimes(0, 400)).toEqual(storedPrimes(PRIMES.slice(0, 400)));
  });

  it.each([0.1, 0.2, 0.3])(
    'extends and reads correctly with %p of the calls faulty, or fails with StoreUnavailableError',
    async (rate) => {
      const plan: FaultPlan = {
        rate,
        kinds: ALL_FAULT_KINDS,
        random: seededRandom(Math.round(rate * 100)),
        slowMs: 20,
      };
      const { repository, tally } = faultyRepository(quickRetries(3), plan);
      const extend = new ExtendPrimes(repository, new ManualClock());

      const { result } = await untilDone(() => extend.execute({ count: TARGET }));
      expect(result.reach).toEqual({ count: TARGET, lastPrime: PRIMES[TARGET - 1] });
      for (const [from, to] of [
        [0, TARGET],
        [CHUNK - 1, 5 * CHUNK + 1],
        [TARGET - 1, TARGET],
      ]) {
        const read = await untilDone(() => repository.readPrimes(from, to));
        expect(read.result).toEqual(storedPrimes(PRIMES.slice(from, to)));
      }
      // More reads, each checked, until every kind of fault has been met many times over.
      const rarest = () => Math.min(...ALL_FAULT_KINDS.map((kind) => tally.injected[kind]));
      for (let round = 0; round < 400 && rarest() <= 3; round++) {
        const from = (round * CHUNK) % TARGET;
        const to = Math.min(TARGET, from + 3 * CHUNK + 1);
        const read = await untilDone(() => repository.readPrimes(from, to));
        expect(read.result).toEqual(storedPrimes(PRIMES.slice(from, to)));
      }
      await expectStoreHoldsTarget();
      for (const kind of ALL_FAULT_KINDS) expect(tally.injected[kind]).toBeGreaterThan(3);
    },
  );

  it.each<[string, DynamoDbRetrySettings]>([
    ['standard', { maxAttempts: 4, retryMode: 'standard' }],
    ['adaptive', { maxAttempts: 4, retryMode: 'adaptive' }],
  ])(
    "completes under the roots' %s retry settings with 10 % of the calls faulty",
    async (_, retry) => {
      const plan: FaultPlan = {
        rate: 0.1,
        kinds: ALL_FAULT_KINDS,
        random: seededRandom(11),
        slowMs: 20,
      };
      const { repository, tally } = faultyRepository(retry, plan);
      const extend = new ExtendPrimes(repository, new ManualClock());
      const { result } = await untilDone(() => extend.execute({ count: 500 }));
      expect(result.reach.count).toBe(500);
      const retried = () => tally.injected.throttle + tally.injected['reset-before'];
      // Reads, each checked, until the SDK has had to retry a throttled or reset call.
      for (let round = 0; round < 200 && (round === 0 || retried() === 0); round++) {
        const read = await untilDone(() => repository.readPrimes(0, 500));
        expect(read.result).toEqual(storedPrimes(PRIMES.slice(0, 500)));
      }
      expect(retried()).toBeGreaterThan(0);
    },
  );
});
