import type { Command } from 'commander';
import type { CliDeps } from './cli-deps';
import { integerArgument } from './integer-argument';

/** `primes serve`: the local HTTP server until SIGINT or SIGTERM; its URL as a JSON line. */
export function addServeCommand(program: Command, deps: CliDeps): void {
  program
    .command('serve')
    .description('serve the HTTP API locally until interrupted')
    .option('--port <port>', 'TCP port (0 picks a free one)', integerArgument(0, 65_535))
    .action(async (options: { port?: number }) => {
      const server = await deps.serve(options.port);
      deps.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
      await (deps.waitForShutdown ?? untilSignalled)();
      await server.close();
    });
}

function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
