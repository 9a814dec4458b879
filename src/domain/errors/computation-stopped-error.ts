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
