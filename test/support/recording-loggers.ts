import type { Logger } from '../../src/ports/logger';

export interface LoggedEntry {
  readonly fields: object;
  readonly message: string;
}

type Level = keyof Logger;

/** A logger that keeps what is logged at one level and drops the rest. */
function keeping(level: Level): { logger: Logger; entries: LoggedEntry[] } {
  const entries: LoggedEntry[] = [];
  const drop = () => {};
  const logger: Logger = { debug: drop, info: drop, warn: drop, error: drop };
  logger[level] = (fields, message) => entries.push({ fields, message });
  return { logger, entries };
}

/** Keeps what is logged as an error: a refused request must log none. */
export interface ErrorLogger extends Logger {
  readonly errors: LoggedEntry[];
}

export function errorLogger(): ErrorLogger {
  const { logger, entries } = keeping('error');
  return Object.assign(logger, { errors: entries });
}

/** Keeps the debug entries, where the DynamoDB adapter says what it retried and why. */
export function debugLogger(): Logger & { readonly entries: LoggedEntry[] } {
  const { logger, entries } = keeping('debug');
  return Object.assign(logger, { entries });
}
