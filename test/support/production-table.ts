import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { createPrimesTable } from '../../src/adapters/dynamodb/create-primes-table';
import { makeLocalDynamoDbClients } from '../../src/composition/engines/dynamodb-clients';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';

export interface ProductionTable {
  readonly tableName: string;
  /** A plain client, as the production root makes one: what its tests hand that root. */
  readonly client: DynamoDBClient;
  dispose(): void;
}

/**
 * A fresh table made the way the infrastructure makes it (the production root never creates
 * one), and a client for the production root to talk to it.
 */
export async function makeProductionTable(
  engine: DynamoDbEngine,
  prefix: string,
): Promise<ProductionTable> {
  const tableName = `${prefix}-${randomUUID()}`;
  const admin = makeLocalDynamoDbClients(engine.endpoint);
  await createPrimesTable(admin.client, tableName);
  const client = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    tableName,
    client,
    dispose: () => {
      client.destroy();
      admin.destroy();
    },
  };
}
