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

/**
 * Keeps what is logged at one level: debug, where the DynamoDB adapter says what it retried
 * and why; warn, where a use case reports what it could not do but answered anyway.
 */
export function recordingLogger(level: Level): Logger & { readonly entries: LoggedEntry[] } {
  const { logger, entries } = keeping(level);
  return Object.assign(logger, { entries });
}
