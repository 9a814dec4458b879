import { DynamoDbCountMemory } from '../../../src/adapters/dynamodb/dynamodb-count-memory';
import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import { makeLocalDynamoDbClients } from '../../../src/composition/engines/dynamodb-clients';
import { makeTestPrimeStore } from '../../../src/composition/test-engine';
import type { CountMemoryUnderTest } from '../../contract/count-memory.contract';

/** A count memory over a fresh primes table of `engine`, as the contract runs need one. */
export async function dynamoDbCountMemoryOn(engine: DynamoDbEngine): Promise<CountMemoryUnderTest> {
  const store = await makeTestPrimeStore(engine);
  const others: Array<{ destroy(): void }> = [];
  return {
    memory: new DynamoDbCountMemory(store.clients.client, store.tableName),
    reopen: async () => {
      const clients = makeLocalDynamoDbClients(engine.endpoint);
      others.push(clients);
      return new DynamoDbCountMemory(clients.client, store.tableName);
    },
    dispose: async () => {
      for (const clients of others) clients.destroy();
      await store.dispose();
    },
  };
}
