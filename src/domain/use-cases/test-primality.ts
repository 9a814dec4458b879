import type { PrimeRepository } from '../../ports/prime-repository';
import { U64_MAX, type PrimeComputations } from '../computations/prime-computations';
import { isPrimeByMillerRabin } from '../primality/miller-rabin';
import { requireWholeBigInt } from '../values/whole-bigint';
import { requireWholeNumber } from '../values/whole-number';
import { StoredPositions } from './stored-positions';

/**
 * Is n prime? Within the store, a lookup; beyond it, deterministic Miller-Rabin, which needs
 * no extension and so answers for any n up to 2^53 - 1 at once.
 */
export class TestPrimality {
  private readonly positions: StoredPositions;

  constructor(
    repository: PrimeRepository,
    private readonly computations: PrimeComputations,
  ) {
    this.positions = new StoredPositions(repository);
  }

  /** Is n prime, for any n up to 2^64 - 1: past 2^53, by the 64-bit computation. */
  async isPrimeU64(n: bigint): Promise<boolean> {
    requireWholeBigInt('n', n, 0n, U64_MAX);
    if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return this.isPrime(Number(n));
    return this.computations.isPrimeU64(n);
  }

  async isPrime(n: number): Promise<boolean> {
    requireWholeNumber('n', n, 0, Number.MAX_SAFE_INTEGER);
    const stored = await this.positions.find(n);
    if (stored === undefined) return isPrimeByMillerRabin(n);
    return stored.prime === n;
  }
}
