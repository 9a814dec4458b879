import {
  probeContainerEngineSync,
  startDynamoDbContainer,
} from '../../../src/composition/engines/container-dynamodb';
import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import {
  makeTestPrimeStore,
  readTestEngineEnvironment,
} from '../../../src/composition/test-engine';
import { describeCountMemoryContract } from '../../contract/count-memory.contract';
import { describePrimeRepositoryContract } from '../../contract/prime-repository.contract';
import { dynamoDbCountMemoryOn } from './count-memory-runs';

// jest collects suites synchronously, so whether one runs is decided here, before any hook.
const environment = readTestEngineEnvironment();
const probe = probeContainerEngineSync();
const provision = 'eval "$(bash scripts/provision-containers.sh)"';

if (!probe.answers && environment.requireContainer) {
  describe('DynamoDB in a container', () => {
    it('has a container engine to run in', () => {
      throw new Error(
        `PRIMES_REQUIRE_CONTAINER=true, but no container engine answers (${probe.reason}). ` +
          `Provision one first: ${provision}`,
      );
    });
  });
} else if (!probe.answers) {
  const reason =
    `no container engine answers (${probe.reason}); ${provision} provides one, ` +
    'and PRIMES_REQUIRE_CONTAINER=true makes its absence a failure';
  console.warn(`DynamoDB container contract run skipped: ${reason}`);
  describe.skip(`DynamoDB in a container: SKIPPED, ${reason}`, () => {
    it('runs the PrimeRepository contract', () => undefined);
  });
} else {
  let engine: DynamoDbEngine;
  beforeAll(async () => {
    engine = await startDynamoDbContainer(environment.testImage);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  describePrimeRepositoryContract(
    `DynamoDB in a container (${environment.testImage})`,
    async (chunkCapacity) => {
      const store = await makeTestPrimeStore(engine, { chunkCapacity });
      return {
        repository: store.repository,
        engine: 'dynamodb',
        metersCapacity: true,
        reopen: () => store.reopen(),
        dispose: () => store.dispose(),
      };
    },
  );
  describeCountMemoryContract(`DynamoDB in a container (${environment.testImage})`, () =>
    dynamoDbCountMemoryOn(engine),
  );
}
