import { InvalidParameterError } from '../../domain/errors/invalid-parameter-error';
import { readStrictInteger } from '../strict-integer';

/** A path parameter read with the same integer rules as the query: else a 400 naming it. */
export function pathInteger(field: string, text: string): number {
  const result = readStrictInteger(text);
  if (!result.ok) throw new InvalidParameterError(field, result.rule);
  return result.value;
}
