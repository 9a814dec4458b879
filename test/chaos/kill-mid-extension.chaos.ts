import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeLocalDynamoDbClients } from '../../src/composition/engines/dynamodb-clients';
import { startEmbeddedDynalite } from '../../src/composition/engines/embedded-dynalite';
import { seededRandom } from '../support/fault-injection';
import { engineStartedBy, extendOutcomeOf, startPrimesCli } from './support/primes-cli';
import { firstPrimes } from '../support/reference-primes';
import { auditStore, type StoreAudit } from './support/store-audit';

// Small, odd chunks: about 4 DynamoDB calls per 53 primes, so a kill can land in any of them, at
// hundreds of different chunk positions. The target is more than 20 short runs can reach: on a
// quiet machine 20 of them have reached 80,000 and 181,000.
const CHUNK = 53;
const TARGET = 400_000;
const KILLS = 20;
// After the child's engine is up, it is killed within this many ms: long enough to reach the
// extension in most runs, short enough that some kills land in table creation or the first chunk.
const LONGEST_LIFE_MS = 700;
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);

/**
 * Opens the data folder the CLI left behind with an engine of our own (the killed process's is
 * gone with it), and audits the table against the reference.
 */
async function auditDataDir(dataDir: string, reference: Float64Array): Promise<StoreAudit> {
  const engine = await startEmbeddedDynalite({ path: path.join(dataDir, 'dynalite') });
  const clients = makeLocalDynamoDbClients(engine.endpoint);
  try {
    return await auditStore(clients.documentClient, 'primes', CHUNK, reference);
  } catch (error) {
    // A kill before the table was made leaves nothing to audit; anything else is a finding.
    if (error instanceof Error && error.name === 'ResourceNotFoundException') {
      return { count: 0, chunks: 0, hint: 0 };
    }
    throw error;
  } finally {
    clients.destroy();
    await engine.close();
  }
}

describe(`primes extend killed with SIGKILL again and again (seed ${SEED})`, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'primes-chaos-kill-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`leaves a correct, gapless store after each of ${KILLS} kills, and a last run completes it`, async () => {
    const reference = firstPrimes(TARGET);
    const random = seededRandom(SEED);
    const env = { PRIMES_DATA_DIR: dataDir, PRIMES_CHUNK_CAPACITY: String(CHUNK) };
    const counts: number[] = [];
    let previous = 0;
    let killedWhileGrowing = 0;
    let completedRuns = 0;

    while (counts.length < KILLS) {
      // Now and then a short target that ends mid-chunk, so that later runs rewrite a partial
      // chunk (the tail) and kills land in those rewrites too; it may complete before its kill.
      const target = random() < 0.25 ? previous + 1 + Math.floor(random() * 3 * CHUNK) : TARGET;
      const run = startPrimesCli(['extend', '--count', String(target)], env);
      const pid = run.child.pid ?? -1;
      if (await engineStartedBy(dataDir, pid, run.exited)) {
        await new Promise((resolve) => setTimeout(resolve, random() * LONGEST_LIFE_MS));
        // The engine runs in this process: the kill stops it mid-write as well as the CLI.
        run.child.kill('SIGKILL');
      }
      const exit = await run.exited;
      if (exit.signal !== 'SIGKILL') {
        // A run may finish before its kill (a short target, mostly); then it reached its target.
        expect(extendOutcomeOf(exit)).toMatchObject({ complete: true, count: target });
        completedRuns++;
      }
      const audit = await auditDataDir(dataDir, reference);
      // A kill may cost the chunk in hand, never a prime already stored.
      expect(audit.count).toBeGreaterThanOrEqual(previous);
      const grew = audit.count > previous;
      previous = audit.count;
      if (previous >= TARGET) throw new Error(`the store reached ${TARGET} before ${KILLS} kills`);
      if (exit.signal !== 'SIGKILL') continue;
      if (grew) killedWhileGrowing++;
      counts.push(audit.count);
    }

    const last = await startPrimesCli(['extend', '--count', String(TARGET)], env).exited;
    const outcome = extendOutcomeOf(last);
    expect(outcome).toMatchObject({
      complete: true,
      count: TARGET,
      lastPrime: reference[TARGET - 1],
    });
    expect(outcome.added).toBe(TARGET - previous);
    const final = await auditDataDir(dataDir, reference);
    expect(final.count).toBe(TARGET);
    expect(final.hint).toBe(TARGET);

    // Kills landed in the middle of the extension (about 70 % of them do; a quarter is a bound
    // no seed misses), each at another place in the store.
    expect(killedWhileGrowing).toBeGreaterThanOrEqual(KILLS / 4);
    process.stdout.write(
      `kill-mid-extension seed ${SEED}: ${KILLS} kills (${killedWhileGrowing} while the store ` +
        `grew), ${completedRuns} short runs completed; store after each kill: ${counts.join(', ')}\n`,
    );
  });
});
