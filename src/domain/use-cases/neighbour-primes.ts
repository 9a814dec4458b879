import type { PrimeComputations } from '../computations/prime-computations';
import { U64_MAX } from '../computations/prime-computations';
import { NoSuchPrimeError } from '../errors/no-such-prime-error';
import { requireWholeBigInt } from '../values/whole-bigint';

/**
 * The primes next to any n below 2^64. Prime gaps below 2^64 are under 1,550, so each answer
 * sieves one short window and needs neither the store nor a deadline.
 */
export class NeighbourPrimes {
  constructor(private readonly computations: PrimeComputations) {}

  /** The smallest prime > n. */
  async next(n: bigint): Promise<bigint> {
    requireWholeBigInt('n', n, 0n, U64_MAX);
    const prime = await this.computations.nextPrime(n);
    if (prime === undefined) {
      throw new NoSuchPrimeError(
        'n',
        'has no prime above it below 2^64 (the largest is 18446744073709551557)',
      );
    }
    return prime;
  }

  /** The largest prime < n. */
  async previous(n: bigint): Promise<bigint> {
    requireWholeBigInt('n', n, 0n, U64_MAX);
    const prime = await this.computations.previousPrime(n);
    if (prime === undefined) {
      throw new NoSuchPrimeError('n', 'has no prime below it (2 is the smallest prime)');
    }
    return prime;
  }
}
