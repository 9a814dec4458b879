import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DynamoDbEngine } from '../../src/composition/engines/dynamodb-engine';
import {
  makeLocalDynamoDbClients,
  type DynamoDbClients,
} from '../../src/composition/engines/dynamodb-clients';
import { openSharedDynalite } from '../../src/composition/engines/shared-dynalite';
import { watchChunkCounts } from './support/chunk-watch';
import { extendOutcomeOf, startPrimesCli } from './support/primes-cli';
import { firstPrimes } from '../support/reference-primes';
import { auditStore } from './support/store-audit';

const CHUNK = 53;
const EXTENDERS = 8;
const FIRST_TARGET = 8_000;
const SECOND_TARGET = 14_000;
const PARTIAL_FILL = 3_001;

describe(`${EXTENDERS} primes extend processes racing on one shared engine`, () => {
  let dataDir: string;
  let engine: DynamoDbEngine;
  let clients: DynamoDbClients;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'primes-chaos-race-'));
    // This process opens the data folder and writes its engine file: every CLI process started
    // below finds the engine there and talks to it, as a CLI run while `npm start` serves does.
    engine = await openSharedDynalite(dataDir);
    clients = makeLocalDynamoDbClients(engine.endpoint);
  });
  afterAll(async () => {
    clients.destroy();
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (table: string): Record<string, string> => ({
    PRIMES_DATA_DIR: dataDir,
    PRIMES_CHUNK_CAPACITY: String(CHUNK),
    PRIMES_TABLE: table,
  });

  /** Starts EXTENDERS processes at once on `target`; each must end complete, with exit code 0. */
  async function race(table: string, target: number): Promise<void> {
    const reference = firstPrimes(target);
    const watch = watchChunkCounts(clients.documentClient, table);
    const exits = await Promise.all(
      Array.from(
        { length: EXTENDERS },
        () => startPrimesCli(['extend', '--count', String(target)], env(table)).exited,
      ),
    );
    const shrinks = await watch.stop();
    for (const exit of exits) {
      expect(extendOutcomeOf(exit)).toMatchObject({
        complete: true,
        count: target,
        lastPrime: reference[target - 1],
      });
      // Not a word of failure either (a failed command writes `primes: <message>` there).
      expect(exit.stderr).toBe('');
    }
    expect(shrinks).toEqual([]);
    const audit = await auditStore(clients.documentClient, table, CHUNK, reference);
    expect(audit).toEqual({ count: target, chunks: Math.ceil(target / CHUNK), hint: target });
  }

  it('end with the same correct store from an empty one', async () => {
    await race('primes', FIRST_TARGET);
  });

  it('end with the same correct store from a partly filled one, ending mid-chunk', async () => {
    const fill = await startPrimesCli(
      ['extend', '--count', String(PARTIAL_FILL)],
      env('primes-partly'),
    ).exited;
    expect(extendOutcomeOf(fill)).toMatchObject({ complete: true, count: PARTIAL_FILL });
    await race('primes-partly', SECOND_TARGET);
  });
});
