import type { Clock } from '../../ports/clock';
import type { PrimeRepository } from '../../ports/prime-repository';
import type { PrimeComputations } from '../computations/prime-computations';
import type { PrimeLimits } from '../values/prime-limits';
import { requireWholeBigInt } from '../values/whole-bigint';
import { stopAtDeadline } from './deadline-watch';

/**
 * The n-th prime, counting from 1 (nth(1) = 2). Inside the store, one chunk read; beyond it,
 * computed under the deadline, and the store does not grow for it.
 */
export class FindNthPrime {
  constructor(
    private readonly repository: PrimeRepository,
    private readonly computations: PrimeComputations,
    private readonly clock: Clock,
    private readonly limits: PrimeLimits,
  ) {}

  async nth(n: bigint, deadline: number): Promise<bigint> {
    requireWholeBigInt('n', n, 1n, this.limits.maxNthPrime);
    // Most asked-for positions are stored: one chunk read answers them, where a look at the
    // store's reach first would cost a read more on every answer.
    if (n <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const position = Number(n) - 1;
      const read = await this.repository.readPrimes(position, position + 1);
      if (read.stored) return BigInt(read.primes[0]);
    }
    const shouldStop = stopAtDeadline(this.clock, deadline, `the ${n}-th prime`);
    return this.computations.nthPrime(n, shouldStop);
  }
}
