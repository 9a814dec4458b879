import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeChunkItem } from '../../../src/adapters/dynamodb/chunk-item';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';

export interface StoreAudit {
  /** The contiguous prefix the repository reports, checked prime by prime. */
  readonly count: number;
  /** Chunk items in the table, including any beyond the prefix. */
  readonly chunks: number;
  /** The meta item's hint. */
  readonly hint: number;
}

/**
 * Checks a prime table against the reference, past the repository as well as through it: every
 * item in the table (scanned, so chunks beyond the prefix too) decodes, passes its checksum and
 * holds exactly the reference primes of its positions; the meta hint is not ahead of the chunks;
 * and the repository's read of the whole prefix agrees with the reference. Writes nothing.
 * Throws a message naming what is wrong.
 */
export async function auditStore(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
  chunkCapacity: number,
  reference: Float64Array,
): Promise<StoreAudit> {
  let hint = 0;
  const counts = new Map<number, number>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) {
      const index = Number(item.index);
      if (index === -1) {
        if (item.chunkCapacity !== chunkCapacity) {
          throw new Error(
            `the table's chunk capacity is ${String(item.chunkCapacity)}, not ${chunkCapacity}: ` +
              'does the development root pass PRIMES_CHUNK_CAPACITY to the repository?',
          );
        }
        hint = Number(item.count);
        if (hint > 0 && item.last !== reference[hint - 1]) {
          throw new Error(
            `meta hint ${hint} names last ${String(item.last)}, not ${reference[hint - 1]}`,
          );
        }
        continue;
      }
      const primes = decodeChunkItem(item, index, chunkCapacity);
      const expected = reference.subarray(
        index * chunkCapacity,
        index * chunkCapacity + primes.length,
      );
      if (expected.length !== primes.length || primes.some((p, i) => p !== expected[i])) {
        throw new Error(`chunk ${index} (${primes.length} primes) differs from the reference`);
      }
      counts.set(index, primes.length);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);

  // The prefix as the chunks tell it: full chunks from 0 on, then the first absent or short one.
  // Worked out here rather than by reach(), which would raise a lagging hint and so repair the
  // very state the next process should meet.
  let count = 0;
  for (let index = 0; ; index++) {
    const held = counts.get(index) ?? 0;
    count += held;
    if (held < chunkCapacity) break;
  }
  if (hint > count) throw new Error(`meta hint ${hint} is ahead of the chunks' ${count}`);
  // Reading the prefix through the repository writes nothing, and checks it once more.
  const repository = new DynamoDbPrimeRepository(documentClient, tableName, { chunkCapacity });
  const read = await repository.readPrimes(0, count);
  if (!read.stored) throw new Error(`the chunks hold ${count} primes, the repository read fewer`);
  const stored = read.primes;
  const wrong = stored.findIndex((p, i) => p !== reference[i]);
  if (wrong >= 0)
    throw new Error(`position ${wrong} holds ${stored[wrong]}, not ${reference[wrong]}`);
  return { count, chunks: counts.size, hint };
}
