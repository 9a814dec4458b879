import 'reflect-metadata';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Container } from 'inversify';
import { DynamoDbPrimeRepository } from '../adapters/dynamodb/dynamodb-prime-repository';
import type { ServiceConfig } from './config/environment';
import { createLogger } from './create-logger';
import { LAMBDA_DYNAMODB_RETRIES } from './engines/dynamodb-retries';
import { createServiceContainer } from './service-container';

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
  const repository = new DynamoDbPrimeRepository(documentClient, config.tableName, { logger });
  return createServiceContainer({ logger, limits: config.limits, repository });
}
