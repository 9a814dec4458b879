import { z } from '@hono/zod-openapi';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A value up to 2^64 - 1 in an answer: a JSON number up to 2^53 - 1, which every JSON reader
 * takes exactly, and a decimal string above, which a reader of doubles would otherwise round.
 */
export const u64Answer = z
  .union([
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^[1-9][0-9]{15,19}$/),
  ])
  .openapi('Uint64', {
    description:
      'A whole number up to 2^64 - 1: a JSON integer up to 2^53 - 1, a string of decimal ' +
      'digits above, so that no JSON reader rounds it.',
  });

export type U64Answer = z.infer<typeof u64Answer>;

/** The answer form of `value`: exact either way. */
export function u64Value(value: bigint): U64Answer {
  return value <= MAX_SAFE ? Number(value) : value.toString();
}

/** JSON.stringify for answers holding bigints, each written as u64Value writes it. */
export function u64Json(answer: unknown): string {
  return JSON.stringify(answer, (_key, value: unknown) =>
    typeof value === 'bigint' ? u64Value(value) : value,
  );
}
