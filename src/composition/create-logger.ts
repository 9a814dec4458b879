import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger as PinoLogger } from 'pino';
import type { RequestLogScope } from '../adapters/lambda/request-log';
import type { Logger } from '../ports/logger';
import type { ServiceConfig } from './config/environment';

/** The fields every line of the request being served carries (its request id). */
const requestBindings = new AsyncLocalStorage<object>();

/**
 * Runs a request so that every line of every logger this file made carries its bindings: the
 * repository, the HTTP layer and the request line itself all get the same `awsRequestId`
 * without the graph being rebuilt per request. Asynchronous context rather than a variable, so
 * that requests served side by side (the local server) never borrow each other's id.
 */
export const requestLogScope: RequestLogScope = {
  run: (bindings, work) => requestBindings.run(bindings, work),
};

/**
 * Logs JSON lines to stderr: stdout belongs to the CLI's data (one prime per line) and, in
 * Lambda, both streams go to CloudWatch anyway. Inside a request scope each line goes through
 * a pino child logger of that request, made once per request.
 */
export function createLogger(level: ServiceConfig['logLevel']): Logger {
  const base = pino({ level, base: undefined }, pino.destination(2));
  let bound: { bindings: object; child: PinoLogger } | undefined;
  const current = (): PinoLogger => {
    const bindings = requestBindings.getStore();
    if (bindings === undefined) return base;
    if (bound?.bindings !== bindings) bound = { bindings, child: base.child(bindings) };
    return bound.child;
  };
  return {
    debug: (fields, message) => current().debug(fields, message),
    info: (fields, message) => current().info(fields, message),
    warn: (fields, message) => current().warn(fields, message),
    error: (fields, message) => current().error(fields, message),
  };
}
