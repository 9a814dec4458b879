import { storedPrimes } from '../../../src/ports/prime-repository';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import {
  createPrimesTable,
  ensurePrimesTable,
} from '../../../src/adapters/dynamodb/create-primes-table';
import { DynamoDbPrimeRepository } from '../../../src/adapters/dynamodb/dynamodb-prime-repository';
import { makeLocalDynamoDbClients } from '../../../src/composition/engines/dynamodb-clients';
import { startEmbeddedDynalite } from '../../../src/composition/engines/embedded-dynalite';
import {
  makeTestPrimeStore,
  readTestEngineEnvironment,
  startTestEngine,
} from '../../../src/composition/test-engine';
import { containerEngineAnswers } from '../../../src/composition/engines/container-dynamodb';
import { firstPrimes } from '../../support/reference-primes';

describe('the prime table and the engines of the development and test roots', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'primes-dynalite-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the table as the design lays it out, once, and keeps data on disk across restarts', async () => {
    const primes = firstPrimes(30);
    for (const restart of [1, 2]) {
      const engine = await startEmbeddedDynalite({ path: folder });
      const clients = makeLocalDynamoDbClients(engine.endpoint);
      try {
        await ensurePrimesTable(clients.client, 'primes');
        const { Table } = await clients.client.send(
          new DescribeTableCommand({ TableName: 'primes' }),
        );
        expect(Table).toMatchObject({
          TableStatus: 'ACTIVE',
          KeySchema: [{ AttributeName: 'index', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'index', AttributeType: 'N' }],
          BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        });
        const repository = new DynamoDbPrimeRepository(clients.documentClient, 'primes', {
          chunkCapacity: 7,
        });
        if (restart === 1) await repository.appendPrimes(0, primes);
        expect(await repository.readPrimes(0, 30)).toEqual(storedPrimes(primes));
      } finally {
        clients.destroy();
        await engine.close();
      }
    }
  });

  it('waits until the table is ACTIVE, whoever created it, and passes on other failures', async () => {
    // Tables stay CREATING for a while here, as they do on DynamoDB.
    const server = dynalite({ createTableMs: 300 });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const clients = makeLocalDynamoDbClients(`http://127.0.0.1:${port}`);
    const status = async (name: string) =>
      (await clients.client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus;
    try {
      await createPrimesTable(clients.client, 'primes');
      expect(await status('primes')).toBe('ACTIVE');
      // Another process has just created this one: it exists, and is not ACTIVE yet.
      await clients.client.send(
        new CreateTableCommand({
          TableName: 'theirs',
          AttributeDefinitions: [{ AttributeName: 'index', AttributeType: 'N' }],
          KeySchema: [{ AttributeName: 'index', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      expect(await status('theirs')).toBe('CREATING');
      await ensurePrimesTable(clients.client, 'theirs');
      expect(await status('theirs')).toBe('ACTIVE');

      clients.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'CreateTableCommand') throw new Error('access denied');
          return next(args);
        },
        { step: 'initialize', name: 'refuseCreateTable' },
      );
      await expect(ensurePrimesTable(clients.client, 'others')).rejects.toThrow('access denied');
    } finally {
      clients.destroy();
      server.close();
    }
  });

  it('reads the test engine environment, refusing bad values by name', () => {
    expect(readTestEngineEnvironment({})).toEqual({
      endpoint: undefined,
      testImage: 'amazon/dynamodb-local',
      requireContainer: false,
    });
    expect(
      readTestEngineEnvironment({
        DYNAMODB_ENDPOINT: 'http://localhost:8000',
        DYNAMODB_TEST_IMAGE: 'localhost/primes-dynalite:test',
        PRIMES_REQUIRE_CONTAINER: 'true',
      }),
    ).toEqual({
      endpoint: 'http://localhost:8000',
      testImage: 'localhost/primes-dynalite:test',
      requireContainer: true,
    });
    expect(() => readTestEngineEnvironment({ DYNAMODB_ENDPOINT: 'localhost:8000' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
    expect(() => readTestEngineEnvironment({ PRIMES_REQUIRE_CONTAINER: 'yes' })).toThrow(
      /PRIMES_REQUIRE_CONTAINER/,
    );
  });

  it('picks the given endpoint first, then a container when an engine answers, else dynalite', async () => {
    const given = await startTestEngine({
      endpoint: 'http://127.0.0.1:8000',
      testImage: 'unused',
      requireContainer: false,
    });
    expect(given).toMatchObject({ kind: 'endpoint', endpoint: 'http://127.0.0.1:8000' });

    const environment = { ...readTestEngineEnvironment(), endpoint: undefined };
    const engine = await startTestEngine(environment);
    try {
      expect(engine.kind).toBe((await containerEngineAnswers()) ? 'container' : 'dynalite');
      const store = await makeTestPrimeStore(engine, { chunkCapacity: 7 });
      await store.repository.appendPrimes(0, firstPrimes(10));
      expect(await (await store.reopen()).reach()).toEqual({ count: 10, lastPrime: 29 });
      await store.dispose();
    } finally {
      await engine.close();
    }
  });

  it('signs requests to a local engine, over UNSIGNED-PAYLOAD instead of the body hash', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'none' }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const clients = makeLocalDynamoDbClients(`http://127.0.0.1:${port}`);
    try {
      await expect(
        clients.client.send(new DescribeTableCommand({ TableName: 'primes' })),
      ).rejects.toThrow('none');
      expect(seen).toHaveLength(1);
      expect(seen[0]['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
      // SigV4 over the unsigned payload: the header itself is among the signed ones.
      expect(seen[0].authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=[^ ]*x-amz-content-sha256[^ ]*, Signature=[0-9a-f]{64}$/,
      );
    } finally {
      clients.destroy();
      server.close();
    }
  });
});
