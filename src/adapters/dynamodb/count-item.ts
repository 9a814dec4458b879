import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { PrimeCountQuestion } from '../../ports/count-memory';
import { REMEMBERED_WINDOW_WIDTH, RememberedCountCorruptError } from '../../ports/count-memory';

/**
 * Remembered counts live in the `primes` table beside the chunks (index >= 0) and the meta item
 * (index -1), at indexes below -1 that the question fixes, so one GetItem finds the answer and
 * the table, its key and its permissions stay as they are:
 *
 *   pi(x), the count over [0, x]:           index = -2 - x              in [-(2^64 + 1), -2]
 *   a window [from, to], 0 < from,
 *   to - from < 2^40:                      index = -(2^64 + 2) - (from * 2^40 + (to - from))
 *
 * The two ranges cannot meet, and within each the index gives the question back, so no two
 * questions share an item. The largest magnitude, about 2^104, has 32 digits: inside the 38
 * digits of a DynamoDB Number. Every number is written and read as its decimal string, so
 * values past 2^53 never pass through a JavaScript number. The item repeats its question,
 * which a reader checks before trusting the count.
 */
export const COUNT_FORMAT_VERSION = 1;

const PI_BASE = -2n;
const WINDOW_BASE = -(1n << 64n) - 2n;

export function countItemIndex({ from, to }: PrimeCountQuestion): bigint {
  return from === 0n ? PI_BASE - to : WINDOW_BASE - (from * REMEMBERED_WINDOW_WIDTH + (to - from));
}

export function countItemKey(question: PrimeCountQuestion): Record<string, AttributeValue> {
  return { index: { N: String(countItemIndex(question)) } };
}

export function countItemOf(
  question: PrimeCountQuestion,
  count: bigint,
): Record<string, AttributeValue> {
  return {
    ...countItemKey(question),
    from: { N: String(question.from) },
    to: { N: String(question.to) },
    count: { N: String(count) },
    formatVersion: { N: String(COUNT_FORMAT_VERSION) },
  };
}

/** The count a stored item holds for `question`, after checking the item is that question's. */
export function decodeCountItem(
  item: Record<string, AttributeValue>,
  question: PrimeCountQuestion,
): bigint {
  const corrupt = (reason: string) => new RememberedCountCorruptError(question, reason);
  const whole = (name: string): bigint => {
    const text = item[name]?.N;
    if (text === undefined || !/^\d{1,38}$/.test(text)) throw corrupt(`${name} is not a count`);
    return BigInt(text);
  };
  const formatVersion = whole('formatVersion');
  if (formatVersion !== BigInt(COUNT_FORMAT_VERSION)) {
    throw corrupt(`format version ${formatVersion} is not ${COUNT_FORMAT_VERSION}`);
  }
  const [from, to] = [whole('from'), whole('to')];
  if (from !== question.from || to !== question.to) {
    throw corrupt(`it holds the count of [${from}, ${to}]`);
  }
  const count = whole('count');
  if (count > question.to - question.from + 1n) throw corrupt(`${count} exceeds its window`);
  return count;
}
