import { ERROR_CODES } from './error-codes';

/**
 * Counts of primes the service finished computing, kept so that a costly count is never
 * computed twice. Every count is exact: a bigint, and only a finished computation is ever
 * remembered. Two kinds of question are kept: pi(x), the count over [0, x], and the count of a
 * narrow window [from, to] with to - from < REMEMBERED_WINDOW_WIDTH.
 */
export interface PrimeCountQuestion {
  readonly from: bigint;
  readonly to: bigint;
}

/** Windows wider than this are counted as pi(to) - pi(from - 1), never remembered as one. */
export const REMEMBERED_WINDOW_WIDTH = 1n << 40n;

export interface CountMemory {
  /** The count of primes in [from, to] once remembered, or undefined. */
  recall(question: PrimeCountQuestion): Promise<bigint | undefined>;

  /**
   * Remembers the finished count of primes in [from, to]. A question remembered already keeps
   * the count it has: every writer of one question computed the same exact count.
   */
  remember(question: PrimeCountQuestion, count: bigint): Promise<void>;
}

/** A remembered count that does not read back as the question it is stored under. */
export class RememberedCountCorruptError extends Error {
  readonly code = ERROR_CODES.storeCorrupt;
  constructor(
    readonly question: PrimeCountQuestion,
    readonly reason: string,
  ) {
    super(`the remembered count of [${question.from}, ${question.to}] is corrupt: ${reason}`);
    this.name = 'RememberedCountCorruptError';
  }
}

/**
 * Throws a RangeError unless `question` is one of the two kinds a CountMemory keeps and
 * `count`, when given, could be its answer (no window holds more primes than numbers).
 */
export function assertRememberable(question: PrimeCountQuestion, count?: bigint): void {
  const { from, to } = question;
  const narrow = from === 0n || to - from < REMEMBERED_WINDOW_WIDTH;
  if (from < 0n || to < from || to >= 1n << 64n || !narrow) {
    throw new RangeError(`[${from}, ${to}] is not a count this memory keeps`);
  }
  if (count !== undefined && (count < 0n || count > to - from + 1n)) {
    throw new RangeError(`${count} primes cannot lie in [${from}, ${to}]`);
  }
}
