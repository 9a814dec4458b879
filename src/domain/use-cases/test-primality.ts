import type { PrimeRepository } from '../../ports/prime-repository';
import { isPrimeByMillerRabin } from '../primality/miller-rabin';
import { requireWholeNumber } from '../queries/whole-number';
import { StoredPositions } from './stored-positions';

/**
 * Is n prime? Within the store, a lookup; beyond it, deterministic Miller-Rabin, which needs
 * no extension and so answers for any n up to 2^53 - 1 at once.
 */
export class TestPrimality {
  private readonly positions: StoredPositions;

  constructor(repository: PrimeRepository) {
    this.positions = new StoredPositions(repository);
  }

  async isPrime(n: number): Promise<boolean> {
    requireWholeNumber('n', n, 0, Number.MAX_SAFE_INTEGER);
    const stored = await this.positions.find(n);
    if (stored === undefined) return isPrimeByMillerRabin(n);
    return stored.prime === n;
  }
}
