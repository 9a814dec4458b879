import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDbRetrySettings } from './dynamodb-retries';

export interface DynamoDbClients {
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  /** Closes the clients' connections, so that the process (or jest) can exit. */
  destroy(): void;
}

/**
 * Clients for a local DynamoDB-compatible endpoint: local engines accept any credentials, and
 * dummy ones keep the SDK from searching the machine for real ones.
 */
export function makeLocalDynamoDbClients(
  endpoint: string,
  retries: DynamoDbRetrySettings = {},
): DynamoDbClients {
  const client = new DynamoDBClient({
    ...retries,
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documentClient = DynamoDBDocumentClient.from(client, {
    // The repository writes whole numbers below 2^53 only; a larger one read back is an error.
    marshallOptions: { removeUndefinedValues: true },
    unmarshallOptions: { wrapNumbers: false },
  });
  return {
    client,
    documentClient,
    destroy: () => {
      documentClient.destroy();
      client.destroy();
    },
  };
}
