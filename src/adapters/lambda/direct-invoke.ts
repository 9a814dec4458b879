import { z } from 'zod';
import { DeadlineReachedError } from '../../domain/errors/deadline-reached-error';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import { requireWholeNumber } from '../../domain/values/whole-number';
import type { PrimeUseCases } from '../../domain/use-cases/prime-use-cases';
import type { Logger } from '../../ports/logger';
import { DirectInvokeError } from './direct-invoke-error';

/**
 * The ancestor's event: `{"max": N}`, nothing else. JSON too large for a double (1e400) parses
 * to Infinity: it was a JSON number, so the rule it breaks is finiteness, not type. A whole
 * number beyond 2^53 - 1 is left to the bounds check below, whose rule states the range.
 */
const directInvokeEvent = z.strictObject({
  max: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : typeof issue.input === 'number'
            ? 'must be a finite JSON number'
            : 'must be a JSON number',
    })
    .refine(Number.isInteger, 'must be a whole number'),
});

export interface DirectInvokeOptions {
  /** The largest max answered in one response; larger lists must be paged over HTTP. */
  readonly maxValue: number;
  readonly logger: Logger;
}

/**
 * Answers `{"max": N}` with the bare array of the primes <= N, as the ancestor did. The store
 * is extended as far as needed under the deadline; a deadline stop fails the invoke with the
 * progress made, and the next invoke continues from there.
 */
export async function answerDirectInvoke(
  event: unknown,
  { listPrimes, limits }: PrimeUseCases,
  deadline: number,
  options: DirectInvokeOptions,
): Promise<number[]> {
  try {
    const max = readMax(event, options.maxValue, limits.maxValue);
    return Array.from(await listPrimes.allUpTo(max, deadline));
  } catch (error) {
    throw toDirectInvokeError(error, options.logger);
  }
}

function readMax(event: unknown, directMax: number, serviceMax: number): number {
  const parsed = directInvokeEvent.safeParse(event);
  if (!parsed.success) {
    // A misspelt key is the cause of the missing one: name it first.
    const { issues } = parsed.error;
    const issue = issues.find((each) => each.code === 'unrecognized_keys') ?? issues[0];
    if (issue.code === 'unrecognized_keys') {
      throw new InvalidParameterError(
        issue.keys[0],
        'is not accepted: a direct invoke is {"max": N}',
      );
    }
    throw new InvalidParameterError(String(issue.path[0] ?? 'max'), issue.message);
  }
  const { max } = parsed.data;
  requireWholeNumber('max', max, 0, serviceMax);
  if (max > directMax) {
    throw new InvalidParameterError(
      'max',
      `must be at most ${directMax} in a direct invoke, whose answer must fit Lambda's 6 MB ` +
        `response; page through larger ranges over the HTTP API: GET /primes?to=${max}, then ` +
        `again with cursor set to each page's "next"`,
    );
  }
  return max;
}

function toDirectInvokeError(error: unknown, logger: Logger): DirectInvokeError {
  if (error instanceof DirectInvokeError) return error;
  if (error instanceof InvalidParameterError || error instanceof DeadlineReachedError) {
    return new DirectInvokeError(error.code, error.message);
  }
  // Store and SDK messages name tables and endpoints: they go to the log, not to the caller.
  logger.error({ err: error }, 'direct invoke failed');
  return new DirectInvokeError('INTERNAL', 'the request failed; the function log has the cause');
}
