import { z } from '@hono/zod-openapi';
import { wellEncoded } from './decimal-parameter';

/** The largest value of 64 bits, the bound of every value the bigint routes take. */
export const U64_MAX = 2n ** 64n - 1n;
const DIGITS = /^(?:0|[1-9][0-9]*)$/;
const DIGITS_RULE =
  'must be a decimal integer written with digits only ' +
  '(no sign, spaces, exponent, fraction, hex or leading zeros)';

export interface U64Bounds {
  readonly min?: bigint;
  readonly max?: bigint;
  readonly description: string;
}

/**
 * A path or query value up to 2^64 - 1 in plain decimal, read into a bigint: a value past
 * 2^53 never passes through a JavaScript number. A value over `max` is a 400 naming the field
 * and the bound it went beyond. Documented as a digit string, since a client that read it as a
 * JSON number would round it.
 */
export function decimalU64({ min = 0n, max = U64_MAX, description }: U64Bounds) {
  const bound = max === U64_MAX ? `${U64_MAX} (2^64 - 1)` : String(max);
  return wellEncoded
    .pipe(z.string().regex(DIGITS, DIGITS_RULE))
    .transform((text) => BigInt(text))
    .pipe(z.bigint().min(min, `must be at least ${min}`).max(max, `must be at most ${bound}`))
    .openapi({
      type: 'string',
      pattern: DIGITS.source,
      maxLength: String(max).length,
      description: `${description} Plain decimal digits, from ${min} to ${bound}.`,
    });
}
