import 'reflect-metadata';
import type { Container } from 'inversify';
import { DynamoDbCountMemory } from '../adapters/dynamodb/dynamodb-count-memory';
import { DynamoDbPrimeRepository } from '../adapters/dynamodb/dynamodb-prime-repository';
import { ensurePrimesTable } from '../adapters/dynamodb/create-primes-table';
import type { ServiceConfig } from './config/environment';
import { ConfigurationError } from './config/environment';
import { WorkerThreadPrimeComputations } from '../adapters/worker-thread/worker-thread-prime-computations';
import { computationWorkerFile } from './computation-worker-file';
import { createLogger } from './create-logger';
import type { DynamoDbEngine } from './engines/dynamodb-engine';
import { makeLocalDynamoDbClients } from './engines/dynamodb-clients';
import { LOCAL_DYNAMODB_RETRIES } from './engines/dynamodb-retries';
import { openSharedDynalite } from './engines/shared-dynalite';
import { createServiceContainer } from './service-container';

export interface DevelopmentRoot {
  readonly container: Container;
  readonly engine: DynamoDbEngine;
  close(): Promise<void>;
}

/**
 * Development: the DynamoDB at DYNAMODB_ENDPOINT (e.g. docker-compose's on localhost:8000), or
 * else dynalite embedded in this process with its data under PRIMES_DATA_DIR. Dummy
 * credentials, so only a local endpoint is accepted; the table is created when missing.
 *
 * The configuration is checked at once, so that one the root refuses fails before any command
 * runs; the engine starts only when the returned function is first called.
 */
export function developmentRootOpener(config: ServiceConfig): () => Promise<DevelopmentRoot> {
  if (config.dynamodbEndpoint) requireLocalEndpoint(config.dynamodbEndpoint);
  return () => createDevelopmentRoot(config);
}

async function createDevelopmentRoot(config: ServiceConfig): Promise<DevelopmentRoot> {
  const logger = createLogger(config.logLevel);
  const engine: DynamoDbEngine = config.dynamodbEndpoint
    ? { kind: 'endpoint', endpoint: config.dynamodbEndpoint, close: async () => undefined }
    : await openSharedDynalite(config.dataDir);
  const clients = makeLocalDynamoDbClients(engine.endpoint, LOCAL_DYNAMODB_RETRIES);
  await ensurePrimesTable(clients.client, config.tableName);
  logger.info({ engine: engine.kind, endpoint: engine.endpoint, table: config.tableName }, 'store');

  const repository = new DynamoDbPrimeRepository(clients.documentClient, config.tableName, {
    logger,
    chunkCapacity: config.chunkCapacity,
    chunkCacheBytes: config.chunkCacheBytes,
  });
  const countMemory = new DynamoDbCountMemory(clients.client, config.tableName);
  // The local server answers many requests at once: long counts run off its event loop.
  const computations = new WorkerThreadPrimeComputations(computationWorkerFile());
  return {
    container: createServiceContainer({
      logger,
      limits: config.limits,
      repository,
      countMemory,
      computations,
    }),
    engine,
    close: async () => {
      await computations.close();
      clients.destroy();
      await engine.close();
    },
  };
}

function requireLocalEndpoint(endpoint: string): void {
  const { hostname } = new URL(endpoint);
  if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname)) {
    throw new ConfigurationError(
      `environment variable DYNAMODB_ENDPOINT must be a local endpoint in development ` +
        `(localhost or 127.0.0.1), got ${hostname}: development uses dummy credentials only`,
    );
  }
}
