import { z } from '@hono/zod-openapi';
import { strictIntegerText } from '../strict-integer';

/**
 * Path and query values as the validator hands them over: a string, or an array when the
 * parameter was repeated. Given twice ("?max=5&max=7") a value is ambiguous (some servers keep
 * the first, some the last, API Gateway joins them with a comma): refusing it is the only
 * answer every caller reads the same way.
 */
export const singleValue = z.string({
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : Array.isArray(issue.input)
        ? 'must be given once, not repeated'
        : 'must be text',
});

/**
 * Hono percent-decodes path segments and leaves a malformed sequence ("%ZZ", "%FF") as it was;
 * a `%` still there after decoding means the caller's encoding was broken.
 */
export const wellEncoded = singleValue.refine(
  (text) => !text.includes('%'),
  'must be valid percent-encoding',
);

export interface DecimalBounds {
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

/**
 * A whole number up to 2^53 - 1 written in plain decimal, read into a number, within `bounds`.
 * The OpenAPI schema states the same bounds the validation enforces, from the same values.
 */
export function decimalNumber({ min, max, description }: DecimalBounds) {
  return wellEncoded
    .pipe(strictIntegerText)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .openapi({
      type: 'integer',
      minimum: min,
      maximum: max,
      description: `${description} Plain decimal digits (no sign, spaces, exponent, fraction, hex or leading zeros).`,
    });
}

/** A query value taken as text, as it is (a cursor). */
export function textValue(description: string) {
  return singleValue.openapi({ type: 'string', description });
}
