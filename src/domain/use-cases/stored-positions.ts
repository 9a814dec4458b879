import type { PrimeRepository, StoredPrimes, StoreReach } from '../../ports/prime-repository';
import { estimatePrimeCount } from '../bounds/estimate-prime-count';

export interface StoredPrime {
  readonly position: number;
  readonly prime: number;
}

/**
 * Finds positions of values in the store without scanning it. It looks for the chunk holding
 * the first stored prime >= value: pi(value) is estimated closely enough that the first chunk
 * read nearly always is that chunk; else its neighbour toward the value, then bisection.
 */
export class StoredPositions {
  /**
   * How far the store reached when last looked at. The store only grows, so positions below
   * this count stay stored: values up to its last prime are found without looking again.
   */
  private known: StoreReach | undefined;

  constructor(private readonly repository: PrimeRepository) {}

  /** How far the store reached when last seen, if it has been; it reaches at least as far now. */
  get lastSeenReach(): StoreReach | undefined {
    return this.known;
  }

  /** Remembers a reach seen elsewhere (a read past the end, an extension) if it is further. */
  remember(reach: StoreReach): void {
    if (this.known === undefined || reach.count > this.known.count) this.known = reach;
  }

  /**
   * The first stored prime >= value and its position, or undefined when the store ends below
   * value. Only a value past the last prime seen stored makes it ask where the store ends now.
   */
  async find(value: number): Promise<StoredPrime | undefined> {
    const reach = await this.reachTowards(value);
    if (reach.count === 0 || value > reach.lastPrime) return undefined;
    return this.firstAtOrAbove(value, reach);
  }

  /** Whether the store holds every prime <= value, asking only past the last prime seen. */
  async holdsUpTo(value: number): Promise<boolean> {
    return value <= (await this.reachTowards(value)).lastPrime;
  }

  /**
   * The reach last seen when it already passes value (the store never shrinks, so it still
   * does), else where the store ends now: a strongly consistent read, paid only when needed.
   */
  private async reachTowards(value: number): Promise<StoreReach> {
    if (this.known !== undefined && value <= this.known.lastPrime) return this.known;
    const reach = await this.repository.reach();
    this.remember(reach);
    return reach;
  }

  /** How many stored primes are below `value`; the store must reach at least value - 1. */
  async countBelow(value: number, reach: StoreReach): Promise<number> {
    // An empty store's last prime is 0: past 2, the next line answers its 0 primes.
    if (value <= 2) return 0;
    if (value > reach.lastPrime) return reach.count;
    return (await this.firstAtOrAbove(value, reach)).position;
  }

  /** The first stored prime >= value and its position; value must not exceed the last one. */
  async firstAtOrAbove(value: number, reach: StoreReach): Promise<StoredPrime> {
    this.remember(reach);
    const chunk = this.repository.chunkCapacity;
    const estimate = Math.round(estimatePrimeCount(value));
    let low = 0;
    let high = Math.floor((reach.count - 1) / chunk);
    let probe = Math.min(high, Math.max(0, Math.floor(estimate / chunk)));
    for (let firstRead = true; ; firstRead = false) {
      const start = probe * chunk;
      const primes = storedWithin(
        await this.repository.readPrimes(start, Math.min(start + chunk, reach.count)),
        reach,
      );
      const holdsFirstAtOrAbove = primes[primes.length - 1] >= value;
      if (holdsFirstAtOrAbove && (primes[0] <= value || probe === low)) {
        const index = countBelowIn(primes, value);
        return { position: start + index, prime: primes[index] };
      }
      const neighbour = holdsFirstAtOrAbove ? probe - 1 : probe + 1;
      if (holdsFirstAtOrAbove) high = probe;
      else low = probe + 1;
      // The estimate is rarely off by more than one chunk: try the neighbour before bisecting.
      // The neighbour lies in [low, high]: a chunk that holds value is left only when one lies
      // below it, and one that ends below value is never the last (value <= its last prime).
      probe = firstRead ? neighbour : Math.floor((low + high) / 2);
    }
  }
}

/** Binary search: how many of the ascending `primes` are below `value`. */
function countBelowIn(primes: Float64Array, value: number): number {
  let low = 0;
  let high = primes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (primes[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The primes of a read inside a reach the store has shown. It only grows, so such a read is
 * always stored; a store that answers otherwise has lost primes, which no caller can mend.
 */
export function storedWithin(read: StoredPrimes, reach: StoreReach): Float64Array {
  if (read.stored) return read.primes;
  throw new Error(
    `the store held ${reach.count} primes, but a later read found only ${read.reach.count}`,
  );
}
