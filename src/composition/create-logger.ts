import { pino } from 'pino';
import type { Logger } from '../ports/logger';
import type { ServiceConfig } from './config/environment';

/**
 * Logs JSON lines to stderr: stdout belongs to the CLI's data (one prime per line) and, in
 * Lambda, both streams go to CloudWatch anyway.
 */
export function createLogger(level: ServiceConfig['logLevel']): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
