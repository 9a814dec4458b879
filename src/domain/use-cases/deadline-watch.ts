import type { Clock } from '../../ports/clock';
import { ComputationStoppedError } from '../errors/computation-stopped-error';

/**
 * The `shouldStop` a computation polls: true once the clock reaches the deadline. Refuses at
 * once when no time is left, so a late request starts no work it could not finish.
 */
export function stopAtDeadline(clock: Clock, deadline: number, what: string): () => boolean {
  if (clock.now() >= deadline) throw new ComputationStoppedError(what);
  return () => clock.now() >= deadline;
}
