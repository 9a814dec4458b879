import { z } from 'zod';

/**
 * The one integer syntax every driving adapter accepts (HTTP query and path, CLI arguments):
 * plain decimal digits. Number() alone would take "1e3", "0x10", " 7", "" and "Infinity",
 * and parseInt would read "12abc" as 12; a caller who typed any of those meant something else.
 */
const DIGITS_RULE =
  'must be a decimal integer written with digits only ' +
  '(no sign, spaces, exponent, fraction, hex or leading zeros)';
const SAFE_RULE = `must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1)`;

export const strictIntegerText = z
  .string()
  .regex(/^(?:0|[1-9][0-9]*)$/, DIGITS_RULE)
  .transform(Number)
  .refine(Number.isSafeInteger, SAFE_RULE);

export type StrictIntegerResult =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly rule: string };

/** Reads `text` as a strict decimal integer, or says which rule it breaks. */
export function readStrictInteger(text: string): StrictIntegerResult {
  const result = strictIntegerText.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, rule: result.error.issues[0]?.message ?? DIGITS_RULE };
}
