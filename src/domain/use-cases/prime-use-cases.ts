import type { PrimeLimits } from '../values/prime-limits';
import type { CountPrimes } from './count-primes';
import type { DescribeStore } from './describe-store';
import type { ExtendPrimes } from './extend-primes';
import type { FindNthPrime } from './find-nth-prime';
import type { ListPrimeWindow } from './list-prime-window';
import type { ListPrimes } from './list-primes';
import type { NeighbourPrimes } from './neighbour-primes';
import type { TestPrimality } from './test-primality';

/** Everything the driving adapters (Lambda, HTTP, CLI) may ask of the service. */
export interface PrimeUseCases {
  readonly extendPrimes: ExtendPrimes;
  readonly listPrimes: ListPrimes;
  readonly countPrimes: CountPrimes;
  readonly testPrimality: TestPrimality;
  readonly describeStore: DescribeStore;
  readonly findNthPrime: FindNthPrime;
  readonly listPrimeWindow: ListPrimeWindow;
  readonly neighbourPrimes: NeighbourPrimes;
  readonly limits: PrimeLimits;
}
