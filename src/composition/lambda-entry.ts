import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createEmfRequestMetrics, withRequestLog } from '../adapters/lambda/request-log';
import { readServiceConfig } from './config/environment';
import { createLogger, requestLogScope } from './create-logger';
import { countConsumedCapacity } from './engines/consumed-capacity';
import { LAMBDA_DYNAMODB_RETRIES } from './engines/dynamodb-retries';
import { createProductionHandler } from './production';

// Built once per cold start, at module scope: every invocation of this sandbox reuses it.
const config = readServiceConfig(process.env);
const client = new DynamoDBClient(LAMBDA_DYNAMODB_RETRIES);
export const handler = withRequestLog(createProductionHandler(config, client), {
  logger: createLogger(config.logLevel),
  scope: requestLogScope,
  consumed: countConsumedCapacity(client),
  metrics: createEmfRequestMetrics('PrimesService', 'primes'),
});
