import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConfigurationError, readServiceConfig } from '../../src/composition/config/environment';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../src/composition/engines/embedded-dynalite';
import { createProductionHandler } from '../../src/composition/production';
import { httpApiEvent, lambdaContext } from '../adapters/lambda/lambda-events';
import { makeProductionTable } from '../support/production-table';

describe('the environment', () => {
  it('names the variable and the rule of a bad value', () => {
    expect(() => readServiceConfig({ PORT: 'eighty' })).toThrow(
      new ConfigurationError('environment variable PORT must be a whole number'),
    );
    expect(() => readServiceConfig({ PRIMES_CHUNK_CAPACITY: '0' })).toThrow(
      /environment variable PRIMES_CHUNK_CAPACITY .*1/,
    );
  });

  it('refuses a default page larger than the largest page', () => {
    expect(() =>
      readServiceConfig({ PRIMES_MAX_PAGE_SIZE: '100', PRIMES_DEFAULT_PAGE_SIZE: '101' }),
    ).toThrow(/PRIMES_DEFAULT_PAGE_SIZE must not exceed PRIMES_MAX_PAGE_SIZE/);
  });

  it('treats an empty variable as unset', () => {
    expect(readServiceConfig({ PORT: '', PRIMES_TABLE: '' })).toMatchObject({
      port: 3000,
      tableName: 'primes',
    });
  });

  it('keeps a counting cap past 2^53 exact', () => {
    const cap = '18446744073709551557';
    expect(readServiceConfig({ PRIMES_MAX_COUNTED_VALUE: cap }).limits.maxCountedValue).toBe(
      BigInt(cap),
    );
  });
});

describe('the production root', () => {
  let engine: DynamoDbEngine;
  beforeAll(async () => {
    engine = await startEmbeddedDynalite();
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('writes a new table with the configured chunk capacity', async () => {
    const { tableName, client, dispose } = await makeProductionTable(engine, 'primes-capacity');
    try {
      const config = readServiceConfig({
        PRIMES_TABLE: tableName,
        PRIMES_CHUNK_CAPACITY: '1000',
        LOG_LEVEL: 'silent',
      });
      const handler = createProductionHandler(config, client);
      const context = lambdaContext(() => 60_000);
      expect(await handler({ max: 20_000 }, context)).toHaveLength(2262);
      const store = (await handler(
        httpApiEvent('GET', '/store'),
        context,
      )) as APIGatewayProxyStructuredResultV2;
      // 2,262 primes in chunks of 1,000: three chunks, the last one partial.
      expect(JSON.parse(String(store.body))).toMatchObject({
        count: 2262,
        chunkCapacity: 1000,
        chunks: 3,
      });
    } finally {
      dispose();
    }
  });
});
