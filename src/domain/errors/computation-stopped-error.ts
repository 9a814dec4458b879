/**
 * A computation was stopped because its deadline came first. Nothing it had found is kept:
 * a count is either finished and exact, or absent. The same code as an extension stopped by
 * its deadline, so that callers answer both alike (503 and Retry-After over HTTP).
 */
export class ComputationStoppedError extends Error {
  readonly code = 'DEADLINE_REACHED';
  constructor(what: string) {
    super(`the deadline came before ${what} was computed; ask again with more time`);
    this.name = 'ComputationStoppedError';
  }
}

/** Whether `error` carries the deadline's code, whichever computation threw it. */
export function isDeadlineStop(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error
    ? error.code === 'DEADLINE_REACHED'
    : false;
}

/** Asked by a computation between slices of work of a few milliseconds each; true: stop now. */
export type ShouldStop = () => boolean;

/** A poll that throws ComputationStoppedError once shouldStop says so (never, without one). */
export function deadlinePoll(shouldStop: ShouldStop | undefined, what: string): () => void {
  if (shouldStop === undefined) return () => undefined;
  return () => {
    if (shouldStop()) throw new ComputationStoppedError(what);
  };
}
