import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The cold-start reference: the least a Lambda on DynamoDB through lib-dynamodb loads at init,
 * the same SDK clients our production root makes and nothing of ours. Bundled by the same
 * buildLambdaBundle, so the difference to our bundle is what our code adds.
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { index: number }): Promise<unknown> {
  const output = await client.send(new GetCommand({ TableName: 'primes', Key: event }));
  return output.Item;
}
