import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../../src/composition/engines/embedded-dynalite';
import { makeTestPrimeStore, type TestPrimeStore } from '../../../src/composition/test-engine';
import type { DynamoDbPrimeRepositoryOptions } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';

/**
 * One embedded dynalite per test file, and a fresh table per test: `store()` is the current
 * test's. Both are stopped and removed by the hooks this registers.
 */
export function useDynaliteStore(options: DynamoDbPrimeRepositoryOptions = { chunkCapacity: 7 }): {
  engine: () => DynamoDbEngine;
  store: () => TestPrimeStore;
} {
  let engine: DynamoDbEngine | undefined;
  let store: TestPrimeStore | undefined;
  beforeAll(async () => {
    engine = await startEmbeddedDynalite();
  });
  afterAll(async () => {
    await engine?.close();
  });
  beforeEach(async () => {
    store = await makeTestPrimeStore(started(engine), options);
  });
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });
  return { engine: () => started(engine), store: () => started(store) };
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('used outside a test');
  return value;
}
