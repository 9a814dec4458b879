import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDbRetrySettings } from './dynamodb-retries';

const CONTENT_SHA256 = 'x-amz-content-sha256';

export interface DynamoDbClients {
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  /** Closes the clients' connections, so that the process (or jest) can exit. */
  destroy(): void;
}

/**
 * Clients for a local DynamoDB-compatible endpoint: local engines accept any credentials, and
 * dummy ones keep the SDK from searching the machine for real ones. Requests are still signed
 * (DynamoDB Local reads the access key from the signature), but over `UNSIGNED-PAYLOAD`, which
 * SigV4 allows in place of the body's SHA-256: no local engine checks it, and a chunk put's
 * body is 88 KB, hashed once per put otherwise.
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
  client.middlewareStack.add(
    (next) => (args) => {
      if (hasHeaders(args.request)) args.request.headers[CONTENT_SHA256] = 'UNSIGNED-PAYLOAD';
      return next(args);
    },
    // Build runs before finalizeRequest, where the signer reads this header instead of hashing.
    { step: 'build', name: 'localUnsignedPayload' },
  );
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

function hasHeaders(request: unknown): request is { headers: Record<string, string> } {
  if (typeof request !== 'object' || request === null || !('headers' in request)) return false;
  return typeof request.headers === 'object' && request.headers !== null;
}
