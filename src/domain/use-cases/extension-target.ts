import type { StoreReach } from '../../ports/prime-repository';

/**
 * What the store must hold: every prime <= upTo, the first `count` primes, or both (the
 * extension then stops at whichever it reaches first).
 */
export interface ExtensionTarget {
  readonly upTo?: number;
  readonly count?: number;
}

export function isTargetReached(target: ExtensionTarget, reach: StoreReach): boolean {
  if (target.count !== undefined && reach.count >= target.count) return true;
  return target.upTo !== undefined && reach.lastPrime >= target.upTo;
}
