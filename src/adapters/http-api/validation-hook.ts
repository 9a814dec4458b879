import { z, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import type { PrimesEnv } from './primes-env';

type CheckResult = { success: true } | { success: false; error: z.ZodError };

/**
 * A route as the app registers it: its definition, its handler, and the check that turns a
 * failed parameter into the 400 naming the parameter and the rule.
 */
export function primeRoute<R extends RouteConfig>(route: R, handler: RouteHandler<R, PrimesEnv>) {
  const query = route.request?.query;
  const accepted = query instanceof z.ZodObject ? Object.keys(query.shape) : [];
  const refuse = (result: CheckResult): undefined => refuseInvalidParameters(result, accepted);
  if (query instanceof z.ZodObject) return [route, handler, refuse] as const;
  // A route that declares no query takes none: a misspelt or stray parameter is still refused,
  // and its typed client is not asked for an empty query.
  const noQuery = ((c, next) => {
    const [stray] = Object.keys(c.req.queries());
    if (stray !== undefined) throw new InvalidParameterError(stray, unknownParameterRule([]));
    return handler(c, next);
  }) as RouteHandler<R, PrimesEnv>;
  return [route, noQuery, refuse] as const;
}

/**
 * Names the first offender. A misspelt parameter ("?tp=5") is the cause of the missing one
 * (to): it is named first, with the parameters the route does take.
 */
function refuseInvalidParameters(result: CheckResult, accepted: readonly string[]): undefined {
  if (result.success) return undefined;
  const { issues } = result.error;
  const issue = issues.find((each) => each.code === 'unrecognized_keys') ?? issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InvalidParameterError(issue.keys[0], unknownParameterRule(accepted));
  }
  throw new InvalidParameterError(String(issue.path[0]), issue.message);
}

export function unknownParameterRule(accepted: readonly string[]): string {
  return accepted.length
    ? `is not a parameter of this route (it takes ${accepted.join(', ')})`
    : 'is not a parameter of this route (it takes none)';
}
