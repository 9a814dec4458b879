/**
 * `npm run bench`: runs every bench suite in turn and prints its table. Add a suite by
 * appending it to SUITES; `npm run bench -- sieve` runs only the named ones.
 */
import { printTable, type BenchSuite } from './harness';
import { sieveBench } from './sieve.bench';

const SUITES: readonly BenchSuite[] = [sieveBench];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const suite of SUITES) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    console.log(`\n## ${suite.name}\n`);
    printTable(await suite.run());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
