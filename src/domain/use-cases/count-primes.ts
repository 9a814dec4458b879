import type { PrimeRepository } from '../../ports/prime-repository';
import type { ValueRange } from '../queries/value-range';
import type { ExtendPrimes } from './extend-primes';
import { extendOrThrow } from './store-extender';
import { StoredPositions } from './stored-positions';

/** pi over a value range, from the positions of its bounds in the store. */
export class CountPrimes {
  private readonly positions: StoredPositions;

  constructor(
    repository: PrimeRepository,
    private readonly extendPrimes: ExtendPrimes,
  ) {
    this.positions = new StoredPositions(repository);
  }

  async inRange(range: ValueRange, deadline: number): Promise<number> {
    const reach = await extendOrThrow(this.extendPrimes, { upTo: range.to }, deadline);
    const [below, atMost] = await Promise.all([
      this.positions.countBelow(range.from, reach),
      this.positions.countBelow(range.to + 1, reach),
    ]);
    return atMost - below;
  }
}
