import type { PrimeLimits } from '../queries/prime-limits';
import type { CountPrimes } from './count-primes';
import type { DescribeStore } from './describe-store';
import type { ExtendPrimes } from './extend-primes';
import type { ListPrimes } from './list-primes';
import type { TestPrimality } from './test-primality';

/** Everything the driving adapters (Lambda, HTTP, CLI) may ask of the service. */
export interface PrimeUseCases {
  readonly extendPrimes: ExtendPrimes;
  readonly listPrimes: ListPrimes;
  readonly countPrimes: CountPrimes;
  readonly testPrimality: TestPrimality;
  readonly describeStore: DescribeStore;
  readonly limits: PrimeLimits;
}
