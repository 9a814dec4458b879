import type { DynamoDbEngine } from '../../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../../src/composition/engines/embedded-dynalite';
import { describeCountMemoryContract } from '../../contract/count-memory.contract';
import { dynamoDbCountMemoryOn } from './count-memory-runs';

let engine: DynamoDbEngine;
beforeAll(async () => {
  engine = await startEmbeddedDynalite();
});
afterAll(async () => {
  await engine.close();
});

describeCountMemoryContract('DynamoDB on embedded dynalite', () => dynamoDbCountMemoryOn(engine));
