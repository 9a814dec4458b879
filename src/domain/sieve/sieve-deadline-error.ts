/**
 * A window sieve gave up because its caller's deadline came (`shouldStop` returned true).
 * Nothing partial is returned: a count or a list is either whole or not given at all.
 */
export class SieveDeadlineError extends Error {
  readonly code = 'DEADLINE_REACHED';
  constructor() {
    super('the deadline came before the sieve of the window finished');
    this.name = 'SieveDeadlineError';
  }
}

/** A poll that throws SieveDeadlineError once shouldStop says so (never, without one). */
export function deadlinePoll(shouldStop: (() => boolean) | undefined): () => void {
  if (shouldStop === undefined) return () => undefined;
  return () => {
    if (shouldStop()) throw new SieveDeadlineError();
  };
}
