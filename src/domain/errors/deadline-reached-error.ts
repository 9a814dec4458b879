import type { StoreReach } from '../../ports/prime-repository';

/**
 * The deadline stopped an extension at a chunk boundary. What was found is saved, so the
 * next call continues from `progress`.
 */
export class DeadlineReachedError extends Error {
  readonly code = 'DEADLINE_REACHED';
  constructor(readonly progress: StoreReach) {
    super(
      `the deadline came before the store reached the primes asked for; it now holds ` +
        `${progress.count} primes up to ${progress.lastPrime}, and the next call continues from there`,
    );
    this.name = 'DeadlineReachedError';
  }
}
