import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../../src/composition/engines/embedded-dynalite';
import { makeTestPrimeStore } from '../../../src/composition/test-engine';
import { describePrimeRepositoryContract } from '../../contract/prime-repository.contract';

let engine: DynamoDbEngine;
beforeAll(async () => {
  engine = await startEmbeddedDynalite();
});
afterAll(async () => {
  await engine.close();
});

describePrimeRepositoryContract('DynamoDB on embedded dynalite', async (chunkCapacity) => {
  const store = await makeTestPrimeStore(engine, { chunkCapacity });
  return {
    repository: store.repository,
    engine: 'dynamodb',
    metersCapacity: true,
    reopen: () => store.reopen(),
    dispose: () => store.dispose(),
  };
});
