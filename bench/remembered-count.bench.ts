/**
 * The time of a remembered answer: a count beyond the store asked a second time, which the
 * service answers with one GetItem on the primes table (dynalite embedded in this process)
 * instead of computing it again. Beside it, the same question answered from scratch: by the
 * service's computations where they finish quickly, and by primecount (one thread) for pi(1e13)
 * and pi(1e16), whose remembered answers are seeded with their published values.
 */
import { execFileSync } from 'node:child_process';
import { DynamoDbCountMemory } from '../src/adapters/dynamodb/dynamodb-count-memory';
import { createServiceContainer } from '../src/composition/service-container';
import { startEmbeddedDynalite } from '../src/composition/engines/embedded-dynalite';
import { makeTestPrimeStore } from '../src/composition/test-engine';
import { PRIME_USE_CASES } from '../src/composition/tokens';
import { DEFAULT_PRIME_LIMITS } from '../src/domain/values/prime-limits';
import type { PrimeUseCases } from '../src/domain/use-cases/prime-use-cases';
import type { BenchRow, BenchSuite } from './harness';
import { measure } from './harness';
import { measureSideBySide } from './side-by-side';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const PUBLISHED: ReadonlyArray<readonly [bigint, bigint]> = [
  [10n ** 13n, 346_065_536_839n],
  [10n ** 16n, 279_238_341_033_925n],
];

function primecount(x: bigint): void {
  execFileSync('primecount', [String(x), '--threads=1'], { stdio: 'ignore' });
}

export const rememberedCountBench: BenchSuite = {
  name: 'remembered-count',
  async run(): Promise<BenchRow[]> {
    const engine = await startEmbeddedDynalite();
    const store = await makeTestPrimeStore(engine);
    try {
      const memory = new DynamoDbCountMemory(store.clients.client, store.tableName);
      const useCases = createServiceContainer({
        logger: silent,
        limits: DEFAULT_PRIME_LIMITS,
        repository: store.repository,
        countMemory: memory,
      }).get<PrimeUseCases>(PRIME_USE_CASES);
      const count = (to: bigint) => useCases.countPrimes.between(0n, to, Infinity);
      const rows: BenchRow[] = [];

      // A count the service computes itself, then answers again from memory.
      const computed = 1_000_000_000n;
      const first = await measure('first pi(1e9)', () => count(computed), {
        runs: 1,
        noWarmUp: true,
      });
      const again = await measure('remembered pi(1e9)', () => count(computed), { runs: 21 });
      rows.push({
        figure: 'pi(1e9) asked again (remembered) vs its first, computed answer',
        ours: again,
        reference: first,
        referenceName: 'the same request the first time, computed',
      });

      for (const [x, value] of PUBLISHED) {
        await memory.remember({ from: 0n, to: x }, value);
        const [remembered, reference] = await measureSideBySide(
          [() => count(x), () => primecount(x)],
          { runs: x >= 10n ** 16n ? 3 : 7, warmUps: 1 },
        );
        rows.push({
          figure: `pi(1e${x.toString().length - 1}) remembered`,
          ours: remembered,
          reference,
          referenceName: 'primecount 7.6 --threads=1, computing it',
        });
      }
      return rows;
    } finally {
      await store.dispose();
      await engine.close();
    }
  },
};
