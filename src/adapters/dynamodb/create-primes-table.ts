import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * Creates the prime table as the ancestor's was keyed (partition key `index`, a Number;
 * on-demand billing) and waits until it is ACTIVE. For the development and test roots only:
 * in production the table belongs to the infrastructure, and the Lambda may not create it.
 */
export async function createPrimesTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'index', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'index', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilActive(client, tableName);
}

/** Creates the prime table unless it exists; either way, returns once it is ACTIVE. */
export async function ensurePrimesTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await createPrimesTable(client, tableName);
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await waitUntilActive(client, tableName);
  }
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.TableStatus === 'ACTIVE') return;
  await waitUntilTableExists(
    { client, minDelay: 1, maxDelay: 2, maxWaitTime: 120 },
    { TableName: tableName },
  );
}
