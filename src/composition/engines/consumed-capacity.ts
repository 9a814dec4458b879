import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CapacityUsage } from '../../ports/prime-repository';

// The only reads the store sends: it reads by key, never by Query or Scan.
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand']);

/**
 * Totals the capacity units DynamoDB reports on every answer `client` receives, for the request
 * log's per-request figure (read before and after a request). It sits on the client, below the
 * repository, so it needs nothing from the store's own code; it sees what the repository asks
 * DynamoDB to report (`ReturnConsumedCapacity: 'TOTAL'` on every call). A conditional write
 * that is refused carries no figure in its error, so it is not counted here.
 */
export function countConsumedCapacity(client: DynamoDBClient): () => CapacityUsage {
  let readUnits = 0;
  let writeUnits = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
      const units = [output.ConsumedCapacity ?? []]
        .flat()
        .reduce((sum, each) => sum + (each.CapacityUnits ?? 0), 0);
      if (READS.has(context.commandName ?? '')) readUnits += units;
      else writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'primesConsumedCapacity' },
  );
  return () => ({ readUnits, writeUnits });
}
