import { ensurePrimesTable } from '../src/adapters/dynamodb/create-primes-table';
import { DynamoDbPrimeRepository } from '../src/adapters/dynamodb/dynamodb-prime-repository';
import { startLocalServer, type LocalServer } from '../src/adapters/local-server/local-server';
import { readServiceConfig } from '../src/composition/config/environment';
import { createLogger } from '../src/composition/create-logger';
import { makeLocalDynamoDbClients } from '../src/composition/engines/dynamodb-clients';
import { LOCAL_DYNAMODB_RETRIES } from '../src/composition/engines/dynamodb-retries';
import { startEmbeddedDynalite } from '../src/composition/engines/embedded-dynalite';
import { createServiceApp, createServiceContainer } from '../src/composition/service-container';
import type { PrimeRepository } from '../src/ports/prime-repository';
import { logCommandCosts, type CommandCostLog } from './command-costs';

const config = readServiceConfig({ LOG_LEVEL: 'silent' });
const logger = createLogger(config.logLevel);

/** The local server over the service graph of any repository, on a free port of 127.0.0.1. */
export function serveRepository(repository: PrimeRepository): Promise<LocalServer> {
  const container = createServiceContainer({ logger, limits: config.limits, repository });
  return startLocalServer(createServiceApp(container), {
    port: 0,
    requestTimeoutMs: config.requestBudgetMs,
    logger,
  });
}

export interface DevelopmentLikeServer {
  readonly server: LocalServer;
  readonly repository: DynamoDbPrimeRepository;
  /** Every DynamoDB call the server's repository makes, with its units. */
  readonly costs: CommandCostLog;
  close(): Promise<void>;
}

/**
 * What src/composition/development.ts builds with no DYNAMODB_ENDPOINT (dynalite embedded in
 * this process with its data on disk, the local retry settings, the same container and routes),
 * rebuilt from the same parts so that the bench can log the DynamoDB client's calls.
 */
export async function startDevelopmentLikeServer(dataDir: string): Promise<DevelopmentLikeServer> {
  const engine = await startEmbeddedDynalite({ path: dataDir });
  const clients = makeLocalDynamoDbClients(engine.endpoint, LOCAL_DYNAMODB_RETRIES);
  await ensurePrimesTable(clients.client, config.tableName);
  const costs = logCommandCosts(clients.client);
  const repository = new DynamoDbPrimeRepository(clients.documentClient, config.tableName, {
    logger,
  });
  const server = await serveRepository(repository);
  return {
    server,
    repository,
    costs,
    close: async () => {
      await server.close();
      clients.destroy();
      await engine.close();
    },
  };
}
