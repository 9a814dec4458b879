import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

export type DynamoDbRetrySettings = Pick<
  DynamoDBClientConfig,
  'maxAttempts' | 'retryMode' | 'retryStrategy' | 'requestHandler'
>;

/**
 * In Lambda: the SDK's standard retries (throttling waits up to 1, 2, then 4 s) fit a request's
 * budget in 4 attempts, and a hung connection is cut rather than left to the Lambda timeout
 * (without throwOnRequestTimeout, requestTimeout only logs a warning).
 */
export const LAMBDA_DYNAMODB_RETRIES: DynamoDbRetrySettings = {
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
};

/** Locally: long batch extensions can afford more attempts, with client-side rate limiting. */
export const LOCAL_DYNAMODB_RETRIES: DynamoDbRetrySettings = {
  maxAttempts: 10,
  retryMode: 'adaptive',
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000, throwOnRequestTimeout: true },
};
