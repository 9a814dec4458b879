import { randomUUID } from 'node:crypto';
import {
  DynamoDbPrimeRepository,
  type DynamoDbPrimeRepositoryOptions,
} from '../adapters/dynamodb/dynamodb-prime-repository';
import { createPrimesTable } from '../adapters/dynamodb/create-primes-table';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  containerEngineAnswers,
  DEFAULT_DYNAMODB_TEST_IMAGE,
  startDynamoDbContainer,
} from './engines/container-dynamodb';
import type { DynamoDbEngine } from './engines/dynamodb-engine';
import { makeLocalDynamoDbClients, type DynamoDbClients } from './engines/dynamodb-clients';
import { startEmbeddedDynalite } from './engines/embedded-dynalite';

export interface TestEngineEnvironment {
  /** DYNAMODB_ENDPOINT: a server someone else runs (e.g. docker-compose's DynamoDB Local). */
  readonly endpoint?: string;
  /** DYNAMODB_TEST_IMAGE: the image a container engine starts. */
  readonly testImage: string;
  /** PRIMES_REQUIRE_CONTAINER=true: CI wants the container run; its absence is a failure. */
  readonly requireContainer: boolean;
}

/** Reads and checks the variables the test root depends on, failing with the variable's name. */
export function readTestEngineEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): TestEngineEnvironment {
  const endpoint = env.DYNAMODB_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new Error(
      `Environment variable DYNAMODB_ENDPOINT must be an http(s) URL, got "${endpoint}"`,
    );
  }
  const requireContainer = env.PRIMES_REQUIRE_CONTAINER?.trim() ?? '';
  if (!['', 'true', 'false'].includes(requireContainer)) {
    throw new Error(
      `Environment variable PRIMES_REQUIRE_CONTAINER must be true or false, got "${requireContainer}"`,
    );
  }
  return {
    endpoint,
    testImage: env.DYNAMODB_TEST_IMAGE?.trim() || DEFAULT_DYNAMODB_TEST_IMAGE,
    requireContainer: requireContainer === 'true',
  };
}

/**
 * The test root's engine, the most real one at hand first: the endpoint it is given; else a
 * container when a container engine answers; else dynalite in this process.
 */
export async function startTestEngine(
  environment: TestEngineEnvironment = readTestEngineEnvironment(),
): Promise<DynamoDbEngine> {
  if (environment.endpoint !== undefined) {
    return { kind: 'endpoint', endpoint: environment.endpoint, close: async () => undefined };
  }
  if (await containerEngineAnswers()) return startDynamoDbContainer(environment.testImage);
  return startEmbeddedDynalite();
}

export interface TestPrimeStore {
  readonly repository: DynamoDbPrimeRepository;
  readonly tableName: string;
  /** The clients the repository uses; tests read and tamper items through them. */
  readonly clients: DynamoDbClients;
  /** A new repository with new clients over the same table, as another process would open it. */
  reopen(options?: DynamoDbPrimeRepositoryOptions): Promise<DynamoDbPrimeRepository>;
  /** Deletes the table and closes every client this store made. */
  dispose(): Promise<void>;
}

/** A fresh, uniquely named table on `engine` and a repository over it. */
export async function makeTestPrimeStore(
  engine: DynamoDbEngine,
  options: DynamoDbPrimeRepositoryOptions = {},
): Promise<TestPrimeStore> {
  const tableName = `primes-test-${randomUUID()}`;
  const clients = makeLocalDynamoDbClients(engine.endpoint);
  const opened: DynamoDbClients[] = [clients];
  await createPrimesTable(clients.client, tableName);
  return {
    repository: new DynamoDbPrimeRepository(clients.documentClient, tableName, options),
    tableName,
    clients,
    reopen: async (reopenOptions = options) => {
      const more = makeLocalDynamoDbClients(engine.endpoint);
      opened.push(more);
      return new DynamoDbPrimeRepository(more.documentClient, tableName, reopenOptions);
    },
    dispose: async () => {
      try {
        await clients.client.send(new DeleteTableCommand({ TableName: tableName }));
      } finally {
        for (const each of opened) each.destroy();
      }
    },
  };
}
