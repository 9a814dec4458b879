/**
 * The stable codes carried by every error the service's core raises, in one place. The
 * adapters map them, and only them, to what their callers see: an HTTP status (the HTTP API's
 * error table must give each one), a command line's exit code, a request log's outcome. A
 * code is part of the public contract: it is never renamed.
 */
export const ERROR_CODES = {
  /** A parameter broke a rule: a caller's mistake, answered with the field and the rule. */
  invalidParameter: 'INVALID_PARAMETER',
  /** No prime below 2^64 answers the question: none below 2, none past the largest. */
  noSuchPrime: 'NO_SUCH_PRIME',
  /** The deadline came first; an extension keeps what it saved, a computation nothing. */
  deadlineReached: 'DEADLINE_REACHED',
  /** A write would leave a gap in the store's positions. */
  storeGap: 'STORE_GAP',
  /** A stored chunk failed its checks; it is never served. */
  storeCorrupt: 'STORE_CORRUPT',
  /** The store did not answer after its retries. */
  storeUnavailable: 'STORE_UNAVAILABLE',
} as const;

export type CoreErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
