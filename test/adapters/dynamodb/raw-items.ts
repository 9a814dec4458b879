import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TestPrimeStore } from '../../../src/composition/test-engine';

/** Direct access to a test table's items, past the repository: to look at them and to break them. */
export async function rawItem(
  store: TestPrimeStore,
  index: number,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await store.clients.documentClient.send(
    new GetCommand({ TableName: store.tableName, Key: { index }, ConsistentRead: true }),
  );
  return Item;
}

export async function setAttribute(
  store: TestPrimeStore,
  index: number,
  name: string,
  value: unknown,
): Promise<void> {
  await store.clients.documentClient.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: { index },
      UpdateExpression: 'SET #name = :value',
      ExpressionAttributeNames: { '#name': name },
      ExpressionAttributeValues: { ':value': value },
    }),
  );
}

export async function deleteItem(store: TestPrimeStore, index: number): Promise<void> {
  await store.clients.documentClient.send(
    new DeleteCommand({ TableName: store.tableName, Key: { index } }),
  );
}

export async function putItem(store: TestPrimeStore, item: Record<string, unknown>): Promise<void> {
  await store.clients.documentClient.send(
    new PutCommand({ TableName: store.tableName, Item: item }),
  );
}
