import type { StoreReach } from '../../ports/prime-repository';
import { DeadlineReachedError } from '../errors/deadline-reached-error';
import type { ExtendPrimes } from './extend-primes';
import type { ExtensionTarget } from './extension-target';

/** Extends the store for a query, turning a deadline stop into the error queries raise. */
export async function extendForQuery(
  extendPrimes: ExtendPrimes,
  target: ExtensionTarget,
  deadline: number,
  knownReach?: StoreReach,
): Promise<StoreReach> {
  const outcome = await extendPrimes.execute(target, { deadline, knownReach });
  if (!outcome.complete) throw DeadlineReachedError.afterSaving(outcome.reach);
  return outcome.reach;
}
