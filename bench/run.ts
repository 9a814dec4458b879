/**
 * `npm run bench`: runs every bench suite in turn and prints its table. Add a suite by
 * appending it to SUITES; `npm run bench -- sieve` runs only the named ones, and
 * `npm run bench -- --skip e2e` all but those named after --skip.
 */
import { loadavg } from 'node:os';
import { coldStartBench } from './cold-start.bench';
import { e2eBench } from './e2e.bench';
import { printTable, type BenchSuite } from './harness';
import { loadBench } from './load.bench';
import { primeCountBench } from './prime-count.bench';
import { rememberedCountBench } from './remembered-count.bench';
import { servingBench } from './serving.bench';
import { sieveBench } from './sieve.bench';
import { storeCostBench } from './store-cost.bench';
import { windowBench } from './window.bench';

const SUITES: readonly BenchSuite[] = [
  sieveBench,
  windowBench,
  storeCostBench,
  servingBench,
  loadBench,
  coldStartBench,
  e2eBench,
  rememberedCountBench,
  primeCountBench,
];

// The SDK warns at every client creation that its 2027 releases need Node 22; the bench runs on
// Node 20 on purpose (as development does), and the warning would only interrupt the tables.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const skipAt = args.indexOf('--skip');
  const wanted = skipAt === -1 ? args : args.slice(0, skipAt);
  const skipped = skipAt === -1 ? [] : args.slice(skipAt + 1);
  for (const suite of SUITES) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    if (skipped.includes(suite.name)) continue;
    console.log(`\n## ${suite.name}\n`);
    // Other jobs may share the machine: the load beside each table says how much.
    const before = loadAverage();
    const rows = await suite.run();
    printTable(rows);
    console.log(`\nload average (1 min) before ${before}, after ${loadAverage()}`);
  }
}

function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
