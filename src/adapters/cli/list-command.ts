import { Option, type Command } from 'commander';
import { PageRequest } from '../../domain/values/page-request';
import { choosePrimes, selectPrimes } from '../../domain/values/prime-selection';
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
    .addOption(new Option('--max <n>', 'the primes <= n').argParser(integerArgument()))
    .addOption(
      new Option('--from <a>', 'from this value (inclusive)').argParser(bigIntegerArgument()),
    )
    .addOption(
      new Option('--to <b>', 'up to this value (inclusive)').argParser(bigIntegerArgument()),
    )
    .addOption(new Option('--count <n>', 'the first n primes').argParser(integerArgument()))
    .action(async (options: ListOptions) => {
      const nextPage = await pageSource(options, deps.openUseCases);
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
): Promise<(cursor: string | undefined) => Promise<PrintablePage>> {
  // A command line that selects nothing, or two things, is refused before the store opens.
  choosePrimes(options);
  const { listPrimes, listPrimeWindow, limits } = await openUseCases();
  const page = (cursor: string | undefined) => PageRequest.of(limits.maxPageSize, cursor, limits);
  const selection = selectPrimes(options, limits);
  if ('count' in selection) {
    const { count } = selection;
    return (cursor) => listPrimes.first(count, page(cursor), Infinity);
  }
  if ('range' in selection) {
    const { range } = selection;
    return (cursor) => listPrimes.inRange(range, page(cursor), Infinity);
  }
  const { from, to } = selection.window;
  return (cursor) => listPrimeWindow.page(from, to, page(cursor), Infinity);
}
