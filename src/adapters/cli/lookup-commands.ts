import type { Command } from 'commander';
import type { CliDeps } from './cli-deps';
import { bigIntegerArgument } from './integer-argument';

/**
 * The one-answer commands: nth, count, next, previous, is-prime and store, each printing one
 * line. Values are read as bigints up to 2^64 - 1; the use cases refuse those over their caps.
 * No deadline: a local run may take its time.
 */
export function addLookupCommands(program: Command, deps: CliDeps): void {
  const print = (value: unknown): void => {
    deps.stdout.write(`${String(value)}\n`);
  };

  program
    .command('nth')
    .description('print the n-th prime, counting from 1 (nth 1 is 2)')
    .argument('<n>', 'which prime', bigIntegerArgument())
    .action(async (n: bigint) => {
      const { findNthPrime } = await deps.openUseCases();
      print(await findNthPrime.nth(n, Infinity));
    });

  program
    .command('count')
    .description('print how many primes lie in [--from, --to]')
    .option('--from <a>', 'from this value (inclusive), default 0', bigIntegerArgument())
    .requiredOption('--to <b>', 'up to this value (inclusive)', bigIntegerArgument())
    .action(async (options: { from?: bigint; to: bigint }) => {
      const { countPrimes } = await deps.openUseCases();
      print(await countPrimes.between(options.from ?? 0n, options.to, Infinity));
    });

  program
    .command('next')
    .description('print the smallest prime greater than n')
    .argument('<n>', 'the number to start above', bigIntegerArgument())
    .action(async (n: bigint) => {
      const { neighbourPrimes } = await deps.openUseCases();
      print(await neighbourPrimes.next(n));
    });

  program
    .command('previous')
    .description('print the largest prime less than n')
    .argument('<n>', 'the number to start below', bigIntegerArgument())
    .action(async (n: bigint) => {
      const { neighbourPrimes } = await deps.openUseCases();
      print(await neighbourPrimes.previous(n));
    });

  program
    .command('is-prime')
    .description('print true if n is prime, else false')
    .argument('<n>', 'the number to test', bigIntegerArgument())
    .action(async (n: bigint) => {
      const { testPrimality } = await deps.openUseCases();
      print(await testPrimality.isPrimeU64(n));
    });

  program
    .command('store')
    .description('print how far the store reaches, as JSON')
    .action(async () => {
      const { describeStore } = await deps.openUseCases();
      print(JSON.stringify(await describeStore.execute()));
    });
}
