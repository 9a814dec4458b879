import type { Clock } from '../../ports/clock';
import { DeadlineReachedError } from '../errors/deadline-reached-error';

/**
 * The `shouldStop` a computation polls: true once the clock reaches the deadline. Refuses at
 * once when no time is left, so a late request starts no work it could not finish.
 */
export function stopAtDeadline(clock: Clock, deadline: number, what: string): () => boolean {
  if (clock.now() >= deadline) throw DeadlineReachedError.beforeComputing(what);
  return () => clock.now() >= deadline;
}
