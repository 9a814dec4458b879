import type { Logger } from '../../src/ports/logger';

/** A logger that keeps what is logged as an error: a refused request must log none. */
export interface ErrorLogger extends Logger {
  readonly errors: Array<{ fields: object; message: string }>;
}

export function errorLogger(): ErrorLogger {
  const errors: Array<{ fields: object; message: string }> = [];
  return {
    errors,
    debug() {},
    info() {},
    warn() {},
    error(fields, message) {
      errors.push({ fields, message });
    },
  };
}
