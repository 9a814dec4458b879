import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ChunkWatch {
  /** Stops watching; resolves with every shrink seen ("chunk 3: 53 -> 20"), none if all is well. */
  stop(): Promise<string[]>;
  /** How many times the table was looked at. */
  readonly looks: () => number;
}

/**
 * Looks at every item's `count` over and over while writers race, and notes any that went down
 * since the last look: a chunk or the meta hint that shrank. A sample, not a proof (the grow-only
 * conditions are the proof); it catches a writer that overwrote a longer chunk with a shorter one.
 */
export function watchChunkCounts(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
): ChunkWatch {
  const highest = new Map<number, number>();
  const shrinks: string[] = [];
  let looks = 0;
  let stopped = false;
  const look = async (): Promise<void> => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new ScanCommand({
          TableName: tableName,
          ConsistentRead: true,
          ProjectionExpression: '#index, #count',
          ExpressionAttributeNames: { '#index': 'index', '#count': 'count' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const index = Number(item.index);
        const count = Number(item.count);
        const before = highest.get(index) ?? 0;
        if (count < before) shrinks.push(`item ${index}: ${before} -> ${count}`);
        highest.set(index, Math.max(before, count));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    looks++;
  };
  const running = (async () => {
    while (!stopped) {
      try {
        await look();
      } catch (error) {
        // The table may not exist yet while the writers start: look again.
        if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await look();
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return shrinks;
    },
    looks: () => looks,
  };
}
