import { PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { countItemOf } from '../../../src/adapters/dynamodb/count-item';
import { DynamoDbCountMemory } from '../../../src/adapters/dynamodb/dynamodb-count-memory';
import type { PrimeCountQuestion } from '../../../src/ports/count-memory';
import { useDynaliteStore } from './dynalite-fixture';

const { store } = useDynaliteStore();

const PI_1E6: PrimeCountQuestion = { from: 0n, to: 1_000_000n };
const WINDOW: PrimeCountQuestion = { from: 1_000_000n, to: 1_000_100n };

/** Stores `question`'s item as the memory writes it, with `changes` over its attributes. */
async function storeTampered(
  question: PrimeCountQuestion,
  count: bigint,
  changes: Record<string, AttributeValue | undefined>,
): Promise<void> {
  const attributes = Object.entries({ ...countItemOf(question, count), ...changes });
  const item = Object.fromEntries(
    attributes.filter((entry): entry is [string, AttributeValue] => entry[1] !== undefined),
  );
  await store().clients.client.send(
    new PutItemCommand({ TableName: store().tableName, Item: item }),
  );
}

function recall(question: PrimeCountQuestion): Promise<bigint | undefined> {
  return new DynamoDbCountMemory(store().clients.client, store().tableName).recall(question);
}

describe('DynamoDbCountMemory with a tampered item', () => {
  it.each<[string, PrimeCountQuestion, Record<string, AttributeValue | undefined>, string]>([
    ['another format version', PI_1E6, { formatVersion: { N: '2' } }, 'format version 2 is not 1'],
    ['no format version', PI_1E6, { formatVersion: undefined }, 'formatVersion is not a count'],
    ['another upper end', PI_1E6, { to: { N: '999999' } }, 'it holds the count of [0, 999999]'],
    [
      'another lower end',
      WINDOW,
      { from: { N: '1000001' } },
      'it holds the count of [1000001, 1000100]',
    ],
    ['a negative count', PI_1E6, { count: { N: '-78498' } }, 'count is not a count'],
    ['a fractional count', PI_1E6, { count: { N: '78498.5' } }, 'count is not a count'],
    [
      'a count past 38 digits',
      PI_1E6,
      { count: { N: `1${'0'.repeat(38)}` } },
      'count is not a count',
    ],
    ['a count as text', PI_1E6, { count: { S: '78498' } }, 'count is not a count'],
    ['a count beyond its window', WINDOW, { count: { N: '102' } }, '102 exceeds its window'],
  ])(
    'refuses an item with %s, naming the question and why',
    async (_, question, changes, reason) => {
      await storeTampered(question, 7n, changes);
      await expect(recall(question)).rejects.toMatchObject({
        name: 'RememberedCountCorruptError',
        code: 'STORE_CORRUPT',
        message: `the remembered count of [${question.from}, ${question.to}] is corrupt: ${reason}`,
      });
    },
  );

  it('recalls a count as large as its window', async () => {
    await storeTampered(WINDOW, 101n, {});
    expect(await recall(WINDOW)).toBe(101n);
  });
});
