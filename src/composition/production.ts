import 'reflect-metadata';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Container } from 'inversify';
import { DynamoDbCountMemory } from '../adapters/dynamodb/dynamodb-count-memory';
import { DynamoDbPrimeRepository } from '../adapters/dynamodb/dynamodb-prime-repository';
import { createLambdaHandler, type LambdaHandler } from '../adapters/lambda/lambda-handler';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { CLOCK, LOGGER } from '../ports/tokens';
import type { ServiceConfig } from './config/environment';
import { createLogger } from './create-logger';
import { LAMBDA_DYNAMODB_RETRIES } from './engines/dynamodb-retries';
import { createServiceApp, createServiceContainer } from './service-container';
import { PRIME_USE_CASES } from './tokens';

/**
 * Production: DynamoDB with the SDK's default credential chain and region (the Lambda role).
 * The table belongs to the infrastructure: this root never creates, deletes or scans it.
 */
export function createProductionContainer(
  config: ServiceConfig,
  client: DynamoDBClient = new DynamoDBClient(LAMBDA_DYNAMODB_RETRIES),
): Container {
  const logger = createLogger(config.logLevel);
  const documentClient = DynamoDBDocumentClient.from(client);
  const repository = new DynamoDbPrimeRepository(documentClient, config.tableName, {
    logger,
    chunkCapacity: config.chunkCapacity,
    chunkCacheBytes: config.chunkCacheBytes,
  });
  const countMemory = new DynamoDbCountMemory(client, config.tableName);
  // In Lambda one execution environment serves one event at a time: no other request waits
  // on its event loop, so the computations run in this thread and start no worker.
  return createServiceContainer({ logger, limits: config.limits, repository, countMemory });
}

/** The Lambda handler over the production graph: direct invokes and the HTTP API alike. */
export function createProductionHandler(
  config: ServiceConfig,
  client?: DynamoDBClient,
): LambdaHandler {
  const container = createProductionContainer(config, client);
  const useCases = container.get<PrimeUseCases>(PRIME_USE_CASES);
  const logger = container.get<Logger>(LOGGER);
  return createLambdaHandler(createServiceApp(container), useCases, {
    deadlineMarginMs: config.deadlineMarginMs,
    clock: container.get<Clock>(CLOCK),
    logger,
  });
}
