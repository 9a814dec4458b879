/**
 * A count stopped because its caller's deadline came first. Nothing of it is kept: the
 * partial sums die with the count's own memory.
 */
export class PrimeCountDeadlineError extends Error {
  readonly code = 'DEADLINE_REACHED';
  constructor(readonly question: string) {
    super(`the deadline came before ${question} was computed; nothing was kept`);
    this.name = 'PrimeCountDeadlineError';
  }
}

/** Asked between slices of work of a few milliseconds each; true means stop now. */
export type ShouldStop = () => boolean;
