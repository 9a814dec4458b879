import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../../ports/logger';
import { StoreUnavailableError } from '../../ports/store-errors';
import type { CapacityMeter } from './capacity-meter';
import { chunkItemBytes, type ChunkItem } from './chunk-item';
import { META_INDEX, type MetaItem } from './meta-item';

export type StoredItem = Record<string, unknown>;

/** Consecutive BatchGetItem rounds that may return nothing before the store counts as unavailable. */
const MAX_IDLE_ROUNDS = 8;
const MAX_BACKOFF_MS = 1_000;

/**
 * The table's items by key, and nothing else: this is the only file that speaks DynamoDB. Every
 * call asks for its consumed capacity; SDK faults other than a refused condition become
 * StoreUnavailableError (throttling has already been retried by the SDK's retry strategy).
 */
export class ChunkTable {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly meter: CapacityMeter,
    private readonly logger?: Logger,
  ) {}

  async get(index: number, consistent: boolean): Promise<StoredItem | undefined> {
    const output = await this.call('GetItem', () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { index },
          ConsistentRead: consistent,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
    this.meter.read(output.ConsumedCapacity);
    return output.Item;
  }

  /** The items of `indexes` that exist, by index; loops until DynamoDB has processed every key. */
  async batchGet(
    indexes: readonly number[],
    consistent: boolean,
  ): Promise<Map<number, StoredItem>> {
    const found = new Map<number, StoredItem>();
    let pending: Record<string, unknown>[] = indexes.map((index) => ({ index }));
    for (let idleRounds = 0; pending.length > 0;) {
      const keys = pending;
      const output = await this.call('BatchGetItem', () =>
        this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: consistent } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        ),
      );
      this.meter.read(output.ConsumedCapacity);
      const items = output.Responses?.[this.tableName] ?? [];
      for (const item of items) found.set(Number(item.index), item);
      pending = output.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      if (pending.length === 0) break;
      // A round that made progress hit a size limit: go on at once. Rounds that made none are
      // throttling: back off exponentially with jitter, and give up after a bounded number.
      idleRounds = items.length > 0 ? 0 : idleRounds + 1;
      if (idleRounds > MAX_IDLE_ROUNDS) {
        throw new StoreUnavailableError(
          `BatchGetItem on ${this.tableName} left ${pending.length} keys unprocessed ${idleRounds} times in a row`,
        );
      }
      this.logger?.debug({ unprocessed: pending.length, idleRounds }, 'retrying unprocessed keys');
      if (idleRounds > 0)
        await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 25 * 2 ** idleRounds));
    }
    return found;
  }

  /**
   * Puts a chunk unless the table already holds that chunk with as many primes or more. A refused
   * put is no failure: a chunk's bytes depend only on its index and count, so the stored chunk
   * then holds everything this one would have, and the write is a no-op.
   */
  async putChunkIfLonger(item: ChunkItem): Promise<void> {
    try {
      const output = await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          // Grow-only: absent, or holding fewer primes than this put. Never shrinks a chunk.
          ConditionExpression: 'attribute_not_exists(#index) OR #count < :count',
          ExpressionAttributeNames: { '#index': 'index', '#count': 'count' },
          ExpressionAttributeValues: { ':count': item.count },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter.write(output.ConsumedCapacity);
    } catch (error) {
      if (!isConditionRefused(error)) throw this.unavailable('PutItem', error);
      this.meter.refusedWrite(chunkItemBytes(item));
    }
  }

  /** Writes the meta item unless one exists; returns false when one did. */
  async createMeta(meta: MetaItem): Promise<boolean> {
    try {
      const output = await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: meta,
          // The first writer fixes the table's layout; later ones must read and obey it.
          ConditionExpression: 'attribute_not_exists(#index)',
          ExpressionAttributeNames: { '#index': 'index' },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter.write(output.ConsumedCapacity);
      return true;
    } catch (error) {
      if (!isConditionRefused(error)) throw this.unavailable('PutItem', error);
      this.meter.refusedWrite(64);
      return false;
    }
  }

  /** Raises the meta item's prefix hint to `count`; a hint already as high is left alone. */
  async raiseMetaHint(count: number, last: number): Promise<void> {
    try {
      const output = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { index: META_INDEX },
          UpdateExpression: 'SET #count = :count, #last = :last',
          // The hint only grows: a slower writer that reached less must not pull it back.
          ConditionExpression: 'attribute_exists(#index) AND #count < :count',
          ExpressionAttributeNames: { '#index': 'index', '#count': 'count', '#last': 'last' },
          ExpressionAttributeValues: { ':count': count, ':last': last },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter.write(output.ConsumedCapacity);
    } catch (error) {
      if (!isConditionRefused(error)) throw this.unavailable('UpdateItem', error);
      this.meter.refusedWrite(64);
    }
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw this.unavailable(operation, error);
    }
  }

  private unavailable(operation: string, error: unknown): StoreUnavailableError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new StoreUnavailableError(`${operation} on table ${this.tableName} failed: ${reason}`, {
      cause: error,
    });
  }
}

function isConditionRefused(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
