import { Presets, SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { requireWholeNumber } from '../../domain/values/whole-number';
import type { ExtensionOutcome } from '../../domain/use-cases/extend-primes';
import type { ExtensionTarget } from '../../domain/use-cases/extension-target';
import type { StoreReach } from '../../ports/prime-repository';
import type { CliDeps } from './cli-deps';
import { integerArgument } from './integer-argument';

interface ExtendOptions {
  readonly max?: number;
  readonly count?: number;
}

/**
 * `primes extend`: makes the store hold every prime <= max, or the first count primes. Progress
 * is saved chunk by chunk, so an interrupted run loses at most one chunk; a progress bar shows
 * on stderr when it is a terminal, and the outcome is one JSON line on stdout.
 */
export function addExtendCommand(program: Command, deps: CliDeps): void {
  program
    .command('extend')
    .description('make the store hold every prime <= --max N, or the first --count N primes')
    .addOption(
      new Option('--max <n>', 'every prime <= n').argParser(integerArgument()).conflicts('count'),
    )
    .addOption(new Option('--count <n>', 'the first n primes').argParser(integerArgument()))
    .action(async (options: ExtendOptions, command: Command) => {
      // Decided before the store is opened: a command line without a target starts no engine.
      const byValue = options.max !== undefined;
      const wanted =
        options.max ??
        options.count ??
        command.error('error: one of --max or --count is required', {
          exitCode: 2,
          code: 'primes.usage',
        });
      const { extendPrimes, describeStore, limits } = await deps.openUseCases();
      const total = byValue
        ? requireWholeNumber('max', wanted, 0, limits.maxValue)
        : requireWholeNumber('count', wanted, 0, limits.maxCount);
      const target: ExtensionTarget = byValue ? { upTo: total } : { count: total };
      // The bar's value is in the target's own unit: values for --max, primes for --count.
      const progressOf = (reach: StoreReach) =>
        Math.min(total, target.upTo !== undefined ? reach.lastPrime : reach.count);

      const bar = deps.stderr.isTTY ? progressBar(deps) : undefined;
      let outcome: ExtensionOutcome;
      try {
        if (bar) {
          const start = await describeStore.execute();
          bar.start(total, progressOf(start), start);
        }
        outcome = await extendPrimes.execute(target, {
          onProgress: (reach) => bar?.update(progressOf(reach), reach),
        });
        bar?.update(progressOf(outcome.reach), outcome.reach);
      } finally {
        bar?.stop();
      }
      const { complete, added, reach } = outcome;
      deps.stdout.write(`${JSON.stringify({ complete, added, ...reach })}\n`);
    });
}

function progressBar(deps: CliDeps): SingleBar {
  return new SingleBar(
    {
      stream: deps.stderr,
      format:
        'extending [{bar}] {percentage}% | {count} primes, up to {lastPrime} | ETA {eta_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
}
