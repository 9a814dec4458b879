import { runCli } from '../adapters/cli/run-cli';
import { startLocalServer } from '../adapters/local-server/local-server';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import type { Logger } from '../ports/logger';
import { LOGGER } from '../ports/tokens';
import { ConfigurationError, readServiceConfig } from './config/environment';
import { developmentRootOpener, type DevelopmentRoot } from './development';
import { createServiceApp } from './service-container';
import { PRIME_USE_CASES } from './tokens';

// The SDK warns at every client creation that its 2027 releases need Node 22. Development runs
// on Node 20 on purpose (the Lambda runs on 22), so the warning would only bury the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `primes ...` and `npm start`: the CLI and the local server over the development root, which
 * is built only when a command needs the store, so a wrong command line starts no engine.
 */
async function main(argv: readonly string[]): Promise<number> {
  const config = readServiceConfig(withCommandLineLogLevel(argv, process.env));
  const openRoot = developmentRootOpener(config);
  let opened: Promise<DevelopmentRoot> | undefined;
  const root = () => (opened ??= openRoot());
  const openUseCases = async () => (await root()).container.get<PrimeUseCases>(PRIME_USE_CASES);
  try {
    return await runCli(argv, {
      openUseCases,
      serve: async (port) => {
        const { container } = await root();
        const logger = container.get<Logger>(LOGGER);
        const server = await startLocalServer(createServiceApp(container), {
          port: port ?? config.port,
          requestTimeoutMs: config.requestBudgetMs,
          logger,
        });
        logger.info({ url: server.url }, 'serving the primes HTTP API');
        return server;
      },
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } finally {
    // A root that failed to open has nothing to close, and runCli has reported its failure.
    const openedRoot = await opened?.catch(() => undefined);
    await openedRoot?.close();
  }
}

/**
 * A command's output is its answer on stdout; JSON log lines on stderr at every run would only
 * bury the warnings. So the commands log from warn unless LOG_LEVEL says otherwise, and
 * `serve`, a server like the Lambda, keeps the service's default (info).
 */
function withCommandLineLogLevel(
  argv: readonly string[],
  environment: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  if (argv[0] === 'serve' || environment.LOG_LEVEL) return environment;
  return { ...environment, LOG_LEVEL: 'warn' };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const configurationError = error instanceof ConfigurationError;
    process.stderr.write(`primes: ${error instanceof Error ? error.message : String(error)}\n`);
    // A configuration refused at start is the operator's mistake, as a bad command line is.
    process.exitCode = configurationError ? 2 : 1;
  },
);
