import { Command, CommanderError } from 'commander';
import type { CliDeps } from './cli-deps';
import { addExtendCommand } from './extend-command';
import { addListCommand } from './list-command';
import { addLookupCommands } from './lookup-commands';
import { addServeCommand } from './serve-command';
import { ERROR_CODES } from '../../ports/error-codes';

/** Exit codes: 0 done, 1 the service failed, 2 the command line was wrong. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const USAGE_HINT = '(run primes --help for usage)';

/**
 * Runs the `primes` command line. `argv` holds the user's arguments only (process.argv.slice(2)).
 * Resolves with the exit code; it never calls process.exit, so the root decides how to leave.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const program = new Command('primes')
    .description('Primes from a store that never computes a prime twice.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    })
    .showHelpAfterError(USAGE_HINT);
  addServeCommand(program, deps);
  addExtendCommand(program, deps);
  addListCommand(program, deps);
  addLookupCommands(program, deps);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    return reportFailure(error, deps);
  }
}

/**
 * A parameter the domain refuses (beyond the limits, from > to), or a question with no answer
 * below 2^64 (no prime before 2), is the caller's mistake, so it exits like bad usage; anything
 * else is the service failing.
 */
function reportFailure(error: unknown, deps: CliDeps): number {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === ERROR_CODES.invalidParameter || code === ERROR_CODES.noSuchPrime) {
    deps.stderr.write(`error: ${message}\n${USAGE_HINT}\n`);
    return EXIT_USAGE;
  }
  deps.stderr.write(`primes: ${message}\n`);
  return EXIT_FAILURE;
}
