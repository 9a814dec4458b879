import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  assertRememberable,
  type CountMemory,
  type PrimeCountQuestion,
} from '../../ports/count-memory';
import { StoreUnavailableError } from '../../ports/store-errors';
import { countItemKey, countItemOf, decodeCountItem } from './count-item';

/**
 * Remembered counts in the `primes` table, one item per question at the index count-item.ts
 * lays out. It speaks DynamoDB's own attribute values (not the document client's numbers), so
 * every count and key is carried as its exact decimal string.
 */
export class DynamoDbCountMemory implements CountMemory {
  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {}

  async recall(question: PrimeCountQuestion): Promise<bigint | undefined> {
    assertRememberable(question);
    // An eventually consistent read suffices: a remembered count never changes, and a read
    // that misses a fresh one only computes it again.
    const output = await this.client
      .send(new GetItemCommand({ TableName: this.tableName, Key: countItemKey(question) }))
      .catch((error: unknown) => {
        throw this.unavailable('GetItem', error);
      });
    return output.Item === undefined ? undefined : decodeCountItem(output.Item, question);
  }

  async remember(question: PrimeCountQuestion, count: bigint): Promise<void> {
    assertRememberable(question, count);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: countItemOf(question, count),
          // Written once: a second writer of the same question computed the same exact count,
          // and nothing may ever replace a count that is already there.
          ConditionExpression: 'attribute_not_exists(#index)',
          ExpressionAttributeNames: { '#index': 'index' },
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return;
      throw this.unavailable('PutItem', error);
    }
  }

  /** SDK faults other than a refused condition, after the SDK's own retries. */
  private unavailable(operation: string, error: unknown): StoreUnavailableError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `${operation} of a remembered count on ${this.tableName} failed: ${reason}`;
    return new StoreUnavailableError(message, { cause: error });
  }
}
