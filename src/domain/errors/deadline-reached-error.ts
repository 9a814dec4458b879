import { ERROR_CODES } from '../../ports/error-codes';
import type { StoreReach } from '../../ports/prime-repository';

/**
 * The deadline came before the answer: the one form of that outcome, whatever stopped. An
 * extension stops at a chunk boundary with what it found saved, so the next call continues
 * from `progress`; a computation (a count, a window, the n-th prime) keeps nothing half done,
 * so a count is either finished and exact or absent, and `progress` is undefined.
 */
export class DeadlineReachedError extends Error {
  readonly code = ERROR_CODES.deadlineReached;

  private constructor(
    message: string,
    readonly progress: StoreReach | undefined,
  ) {
    super(message);
    this.name = 'DeadlineReachedError';
  }

  /** An extension stopped with `progress` saved. */
  static afterSaving(progress: StoreReach): DeadlineReachedError {
    return new DeadlineReachedError(
      `the deadline came before the store reached the primes asked for; it now holds ` +
        `${progress.count} primes up to ${progress.lastPrime}, and the next call continues from there`,
      progress,
    );
  }

  /** A computation of `what` stopped, keeping nothing. */
  static beforeComputing(what: string): DeadlineReachedError {
    return new DeadlineReachedError(
      `the deadline came before ${what} was computed; ask again with more time`,
      undefined,
    );
  }
}

/** Asked by a computation between slices of work of a few milliseconds each; true: stop now. */
export type ShouldStop = () => boolean;

/** A poll that throws DeadlineReachedError once shouldStop says so (never, without one). */
export function deadlinePoll(shouldStop: ShouldStop | undefined, what: string): () => void {
  if (shouldStop === undefined) return () => undefined;
  return () => {
    if (shouldStop()) throw DeadlineReachedError.beforeComputing(what);
  };
}
