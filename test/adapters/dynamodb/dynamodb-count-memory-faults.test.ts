import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DynamoDbCountMemory } from '../../../src/adapters/dynamodb/dynamodb-count-memory';
import type { DynamoDbRetrySettings } from '../../../src/composition/engines/dynamodb-retries';
import { StoreUnavailableError } from '../../../src/ports/store-errors';
import {
  ALL_FAULT_KINDS,
  makeFaultyClients,
  seededRandom,
  type FaultPlan,
} from '../../support/fault-injection';
import { useDynaliteStore } from './dynalite-fixture';

const quickRetries = (maxAttempts: number): DynamoDbRetrySettings => ({
  retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) => 2 ** attempt),
});

const { engine, store } = useDynaliteStore({ chunkCapacity: 7 });
const opened: { destroy(): void }[] = [];
afterEach(() => {
  for (const clients of opened.splice(0)) clients.destroy();
});

function faultyMemory(retry: DynamoDbRetrySettings, plan: FaultPlan): DynamoDbCountMemory {
  const clients = makeFaultyClients(engine().endpoint, retry, plan);
  opened.push(clients);
  return new DynamoDbCountMemory(clients.client, store().tableName);
}

describe('remembered counts on a flaky DynamoDB', () => {
  it('keeps every count exact through retried faults, a write applied before its answer was lost included', async () => {
    const plan = { rate: 0.4, kinds: ALL_FAULT_KINDS, random: seededRandom(3), slowMs: 5 };
    const memory = faultyMemory(quickRetries(12), plan);
    const questions = Array.from({ length: 30 }, (_, i) => ({
      from: 0n,
      to: (1n << 60n) + BigInt(i),
    }));
    for (const [i, question] of questions.entries()) {
      await memory.remember(question, 1n << BigInt(20 + i));
    }
    const clean = new DynamoDbCountMemory(store().clients.client, store().tableName);
    for (const [i, question] of questions.entries()) {
      expect(await clean.recall(question)).toBe(1n << BigInt(20 + i));
      expect(await memory.recall(question)).toBe(1n << BigInt(20 + i));
    }
  });

  it('reports a call the retries could not carry as StoreUnavailableError, never as a miss', async () => {
    const plan = { rate: 1, kinds: ['throttle' as const], random: seededRandom(5) };
    const memory = faultyMemory(quickRetries(2), plan);
    const question = { from: 0n, to: 10n ** 12n };
    await expect(memory.recall(question)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(memory.remember(question, 37_607_912_018n)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });
});
