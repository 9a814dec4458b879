import { Option, type Command } from 'commander';
import { PageRequest } from '../../domain/queries/page-request';
import { ValueRange } from '../../domain/queries/value-range';
import { requireWholeNumber } from '../../domain/queries/whole-number';
import type { CliDeps } from './cli-deps';
import { bigIntegerArgument, integerArgument } from './integer-argument';
import { TextOutput } from './text-output';

interface ListOptions {
  readonly max?: number;
  readonly from?: bigint;
  readonly to?: bigint;
  readonly count?: number;
}

/** A page of either listing: from the store by position, or a window by value. */
interface PrintablePage {
  readonly primes: { readonly length: number; join(separator: string): string };
  readonly next: string | null;
}

/**
 * `primes list`: one prime per line, as `primesieve --print` does. It walks the pages of
 * ListPrimes with their cursors, so only one page is ever held, whatever the range.
 */
export function addListCommand(program: Command, deps: CliDeps): void {
  program
    .command('list')
    .description('print primes, one per line: --max N, --from A --to B, or --count N')
    .addOption(
      new Option('--max <n>', 'the primes <= n')
        .argParser(integerArgument())
        .conflicts(['from', 'to', 'count']),
    )
    .addOption(
      new Option('--from <a>', 'from this value (inclusive)').argParser(bigIntegerArgument()),
    )
    .addOption(
      new Option('--to <b>', 'up to this value (inclusive)').argParser(bigIntegerArgument()),
    )
    .addOption(
      new Option('--count <n>', 'the first n primes')
        .argParser(integerArgument())
        .conflicts(['from', 'to']),
    )
    .action(async (options: ListOptions, command: Command) => {
      const nextPage = await pageSource(options, deps.openUseCases, command);
      const output = new TextOutput(deps.stdout);
      try {
        let cursor: string | undefined;
        do {
          const page = await nextPage(cursor);
          const text = page.primes.length > 0 ? `${page.primes.join('\n')}\n` : '';
          if (!(await output.write(text))) return;
          cursor = page.next ?? undefined;
        } while (cursor !== undefined);
      } finally {
        output.dispose();
      }
    });
}

/** The page reader the options select; no deadline, since a local run may take its time. */
async function pageSource(
  options: ListOptions,
  openUseCases: CliDeps['openUseCases'],
  command: Command,
): Promise<(cursor: string | undefined) => Promise<PrintablePage>> {
  const selection = selectionOf(options, command);
  const { listPrimes, listPrimeWindow, limits } = await openUseCases();
  const page = (cursor: string | undefined) => PageRequest.of(limits.maxPageSize, cursor, limits);
  if ('count' in selection) {
    const { count } = selection;
    return (cursor) => listPrimes.first(count, page(cursor), Infinity);
  }
  if ('max' in selection) {
    // Checked on its own so that the error names max, not the to it stands for.
    requireWholeNumber('max', selection.max, 0, limits.maxValue);
    const range = ValueRange.of(0, selection.max, limits);
    return (cursor) => listPrimes.inRange(range, page(cursor), Infinity);
  }
  const { to } = selection;
  return (cursor) => listPrimeWindow.page(options.from ?? 0n, to, page(cursor), Infinity);
}

/**
 * The first n primes, or the primes up to a value (max, or to with from), decided before the
 * store is opened: a command line that selects nothing is refused without starting an engine.
 */
function selectionOf(
  options: ListOptions,
  command: Command,
): { readonly count: number } | { readonly max: number } | { readonly to: bigint } {
  if (options.count !== undefined) return { count: options.count };
  if (options.max !== undefined) return { max: options.max };
  if (options.to !== undefined) return { to: options.to };
  return command.error(
    options.from === undefined
      ? 'error: one of --max, --to (with an optional --from) or --count is required'
      : 'error: --from needs --to',
    { exitCode: 2, code: 'primes.usage' },
  );
}
