import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Holds every PutItem `client` sends until `resume()`: `atWrite` settles when the first one is
 * held, so a test can let another writer act between a repository's reads and its writes.
 */
export function stallWrites(client: DynamoDBClient): {
  atWrite: Promise<void>;
  resume: () => void;
} {
  let resume = (): void => undefined;
  const stalled = new Promise<void>((resolve) => (resume = resolve));
  let stalledAtWrite = (): void => undefined;
  const atWrite = new Promise<void>((resolve) => (stalledAtWrite = resolve));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutItemCommand') {
        stalledAtWrite();
        await stalled;
      }
      return next(args);
    },
    { step: 'initialize', name: 'stallWrites' },
  );
  return { atWrite, resume };
}
