import type { Command } from 'commander';
import { ValueRange } from '../../domain/queries/value-range';
import type { CliDeps } from './cli-deps';
import { integerArgument } from './integer-argument';

/** The one-answer commands: nth, count, is-prime and store, each printing one line. */
export function addLookupCommands(program: Command, deps: CliDeps): void {
  const print = (value: unknown): void => {
    deps.stdout.write(`${String(value)}\n`);
  };

  program
    .command('nth')
    .description('print the n-th prime, counting from 1 (nth 1 is 2)')
    .argument('<n>', 'which prime', integerArgument())
    .action(async (n: number) => {
      const { listPrimes } = await deps.openUseCases();
      print(await listPrimes.nth(n, Infinity));
    });

  program
    .command('count')
    .description('print how many primes lie in [--from, --to]')
    .option('--from <a>', 'from this value (inclusive), default 0', integerArgument())
    .requiredOption('--to <b>', 'up to this value (inclusive)', integerArgument())
    .action(async (options: { from?: number; to: number }) => {
      const { countPrimes, limits } = await deps.openUseCases();
      const range = ValueRange.of(options.from ?? 0, options.to, limits);
      print(await countPrimes.inRange(range, Infinity));
    });

  program
    .command('is-prime')
    .description('print true if n is prime, else false')
    .argument('<n>', 'the number to test', integerArgument())
    .action(async (n: number) => {
      const { testPrimality } = await deps.openUseCases();
      print(await testPrimality.isPrime(n));
    });

  program
    .command('store')
    .description('print how far the store reaches, as JSON')
    .action(async () => {
      const { describeStore } = await deps.openUseCases();
      print(JSON.stringify(await describeStore.execute()));
    });
}
