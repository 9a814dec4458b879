import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runBounded } from '../src/adapters/dynamodb/run-bounded';

/** What the ancestor's layout cost for a sample of primes, scaled to one million. */
export interface AncestorCost {
  readonly sample: number;
  /** Write units per million primes: one PutItem per prime. */
  readonly writeUnitsPerMillion: number;
  /** Read units per million primes, reading them back as the ancestor listed them: by Scan. */
  readonly scanReadUnitsPerMillion: number;
}

// Puts in flight: enough to keep dynalite busy, few enough not to queue behind each other.
const CONCURRENCY = 16;

/**
 * The ancestor's layout, rebuilt for reference: one item per prime, {index: position, prime},
 * each written by its own PutItem with ReturnConsumedCapacity, then read back by an eventually
 * consistent Scan (how the ancestor listed them). The units are DynamoDB's own, summed.
 */
export async function measureAncestorLayout(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
  primes: Float64Array,
): Promise<AncestorCost> {
  const positions = Array.from(primes.keys());
  const putUnits = await runBounded(positions, CONCURRENCY, async (index) => {
    const output = await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { index, prime: primes[index] },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return unitsOf(output.ConsumedCapacity);
  });
  let scanUnits = 0;
  let scanned = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documentClient.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: false,
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    scanUnits += unitsOf(output.ConsumedCapacity);
    scanned += output.Count ?? 0;
    startKey = output.LastEvaluatedKey;
  } while (startKey !== undefined);
  if (scanned !== primes.length) throw new Error(`scanned ${scanned} of ${primes.length} items`);
  const scale = 1_000_000 / primes.length;
  return {
    sample: primes.length,
    writeUnitsPerMillion: putUnits.reduce((sum, units) => sum + units, 0) * scale,
    scanReadUnitsPerMillion: scanUnits * scale,
  };
}

function unitsOf(consumed: ConsumedCapacity | undefined): number {
  return consumed?.CapacityUnits ?? 0;
}
