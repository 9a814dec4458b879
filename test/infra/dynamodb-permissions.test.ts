import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readServiceConfig } from '../../src/composition/config/environment';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';
import { startEmbeddedDynalite } from '../../src/composition/engines/embedded-dynalite';
import { createProductionHandler } from '../../src/composition/production';
import { makeTestPrimeStore } from '../../src/composition/test-engine';
import { recordCommands } from '../adapters/dynamodb/command-recorder';
import { httpApiEvent, lambdaContext } from '../adapters/lambda/lambda-events';
import { makeProductionTable } from '../support/production-table';
import { firstPrimes } from '../support/reference-primes';
import {
  actionsOf,
  functionRoleStatements,
  onlyResourceId,
  synthesizeStack,
  type SynthesizedStack,
} from './synthesized-stack';

/**
 * The function's DynamoDB permissions must be exactly the commands the production code sends:
 * one more is privilege nobody uses, one fewer is an AccessDenied in production. Both sides are
 * measured, not listed: the commands are recorded (names only) from real runs on embedded
 * dynalite, and the actions are read from the synthesized template.
 */
const plentyOfTime = lambdaContext(() => 60_000);

/** The repository itself, through every port method and its refused-write paths. */
async function commandsOfTheRepository(engine: DynamoDbEngine): Promise<string[]> {
  // Small chunks, so that reads span chunks and go through BatchGetItem.
  const store = await makeTestPrimeStore(engine, { chunkCapacity: 7 });
  try {
    const recorded = recordCommands(store.clients.client);
    const primes = firstPrimes(60);
    await store.repository.appendPrimes(0, primes.subarray(0, 25));
    await store.repository.appendPrimes(20, primes.subarray(20, 60));
    // Another process with the same primes: the meta item exists, and every put is refused.
    const other = await store.reopen();
    await other.appendPrimes(0, primes);
    await store.repository.reach();
    await store.repository.readPrimes(3, 58);
    await store.repository.describe();
    return recorded.map((command) => command.name);
  } finally {
    await store.dispose();
  }
}

/**
 * The production composition, wired as src/composition/lambda-entry.ts wires it (that module
 * builds its own client at load), driven through the Lambda handler: a direct invoke and every
 * route of the HTTP API.
 */
async function commandsOfTheProductionComposition(engine: DynamoDbEngine): Promise<string[]> {
  const { tableName, client, dispose } = await makeProductionTable(engine, 'primes-production');
  const recorded = recordCommands(client);
  try {
    const config = readServiceConfig({
      PRIMES_TABLE: tableName,
      LOG_LEVEL: 'silent',
    });
    const handler = createProductionHandler(config, client);

    expect(await handler({ max: 100 }, plentyOfTime)).toHaveLength(25);
    const get = async (target: string, method = 'GET') =>
      (await handler(
        httpApiEvent(method, target),
        plentyOfTime,
      )) as APIGatewayProxyStructuredResultV2;
    for (const target of [
      '/primes?max=1000',
      '/primes?from=100&to=200',
      '/primes/nth/1000',
      '/primes/count?to=10000',
      '/is-prime/7919',
      '/is-prime/1000000007',
      '/store',
      '/health',
      '/openapi.json',
    ]) {
      expect([target, (await get(target)).statusCode]).toEqual([target, 200]);
    }
    const page = await get('/primes?count=300&limit=100');
    const { next } = JSON.parse(String(page.body)) as { next: string };
    expect((await get(`/primes?count=300&limit=100&cursor=${next}`)).statusCode).toBe(200);
    expect((await get('/no-such-route')).statusCode).toBe(404);
    expect((await get('/primes', 'POST')).statusCode).toBe(405);
    return recorded.map((command) => command.name);
  } finally {
    dispose();
  }
}

describe("the function's DynamoDB permissions", () => {
  let engine: DynamoDbEngine;
  let synthesized: SynthesizedStack;
  let repositoryCommands: string[];
  let productionCommands: string[];

  beforeAll(async () => {
    [engine, synthesized] = await Promise.all([startEmbeddedDynalite(), synthesizeStack()]);
    repositoryCommands = await commandsOfTheRepository(engine);
    productionCommands = await commandsOfTheProductionComposition(engine);
  });
  afterAll(async () => {
    await engine?.close();
    synthesized?.dispose();
  });

  const grantedActions = (): string[] =>
    functionRoleStatements(synthesized.template)
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'))
      .map((action) => action.slice('dynamodb:'.length));

  it('are exactly the commands the production adapter and composition send', () => {
    const sent = new Set([...repositoryCommands, ...productionCommands]);
    expect([...sent].sort()).toEqual(grantedActions().sort());
    // What chunk-table.ts sends today; if this changes, the policy above must follow.
    expect([...sent].sort()).toEqual(['BatchGetItem', 'GetItem', 'PutItem', 'UpdateItem']);
  });

  it("apply to the table's ARN only", () => {
    const tableId = onlyResourceId(synthesized.template, 'AWS::DynamoDB::Table');
    const dynamo = functionRoleStatements(synthesized.template).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo.map((statement) => statement.Resource)).toEqual([
      { 'Fn::GetAtt': [tableId, 'Arn'] },
    ]);
  });

  it('are enough for the production composition: it sends nothing outside them', () => {
    expect(productionCommands.length).toBeGreaterThan(0);
    const granted = new Set(grantedActions());
    expect(productionCommands.filter((name) => !granted.has(name))).toEqual([]);
  });

  it('never need table management or Scan: production sends no CreateTable, DeleteTable, Scan', () => {
    for (const forbidden of ['CreateTable', 'DeleteTable', 'Scan', 'DescribeTable', 'Query']) {
      expect(productionCommands).not.toContain(forbidden);
      expect(repositoryCommands).not.toContain(forbidden);
    }
  });
});
