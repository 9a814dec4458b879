import { z } from 'zod';
import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import { strictIntegerText } from '../strict-integer';
import type { QueryParameters } from './api-types';

/**
 * A parameter given once. Given twice ("?max=5&max=7") it is ambiguous: some servers keep the
 * first, some the last, API Gateway joins them with a comma; refusing it is the only answer
 * every caller reads the same way.
 */
const single = z
  .array(z.string(), {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a single value'),
  })
  .max(1, 'must be given once, not repeated')
  .transform((values) => values[0]);

export const integerParameter = single.pipe(strictIntegerText);
export const textParameter = single;

/**
 * Reads a route's query with its schema (a z.strictObject, so that a misspelt parameter is
 * refused rather than ignored); every unknown or malformed parameter is a 400 that names the
 * parameter and the rule, reported for the first offender.
 */
export function parseQuery<Schema extends z.ZodObject>(
  schema: Schema,
  query: QueryParameters,
): z.output<Schema> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  // A misspelt parameter ("?tp=5") is the cause of the missing one (to): name it first.
  const { issues } = result.error;
  const issue = issues.find((each) => each.code === 'unrecognized_keys') ?? issues[0];
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys(schema.shape);
    const rule = allowed.length
      ? `is not a parameter of this route (it takes ${allowed.join(', ')})`
      : 'is not a parameter of this route (it takes none)';
    throw new InvalidParameterError(issue.keys[0], rule);
  }
  throw new InvalidParameterError(String(issue.path[0]), issue.message);
}
