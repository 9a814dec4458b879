import type { Container } from 'inversify';
import type { PrimeComputations } from '../domain/computations/prime-computations';
import type { PrimeLimits } from '../domain/values/prime-limits';
import { ComputedCounts } from '../domain/use-cases/computed-counts';
import { CountPrimes } from '../domain/use-cases/count-primes';
import { DescribeStore } from '../domain/use-cases/describe-store';
import { ExtendPrimes } from '../domain/use-cases/extend-primes';
import { FindNthPrime } from '../domain/use-cases/find-nth-prime';
import { ListPrimeWindow } from '../domain/use-cases/list-prime-window';
import { ListPrimes } from '../domain/use-cases/list-primes';
import { NeighbourPrimes } from '../domain/use-cases/neighbour-primes';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import { TestPrimality } from '../domain/use-cases/test-primality';
import type { Clock } from '../ports/clock';
import type { CountMemory } from '../ports/count-memory';
import type { Logger } from '../ports/logger';
import type { PrimeRepository } from '../ports/prime-repository';
import { CLOCK, COUNT_MEMORY, LOGGER, PRIME_REPOSITORY } from '../ports/tokens';
import {
  COMPUTED_COUNTS,
  COUNT_PRIMES,
  DESCRIBE_STORE,
  EXTEND_PRIMES,
  FIND_NTH_PRIME,
  LIST_PRIME_WINDOW,
  LIST_PRIMES,
  NEIGHBOUR_PRIMES,
  PRIME_COMPUTATIONS,
  PRIME_LIMITS,
  PRIME_USE_CASES,
  TEST_PRIMALITY,
} from './tokens';

/**
 * Binds the use cases, the same in every root; each root binds the ports (PRIME_REPOSITORY,
 * COUNT_MEMORY, CLOCK, LOGGER), PRIME_COMPUTATIONS and PRIME_LIMITS. The domain stays free of
 * decorators: factories name their dependencies here.
 */
export function bindPrimeUseCases(container: Container): void {
  const singleton = <T>(token: symbol, make: (...parts: never[]) => T, parts: symbol[]) => {
    container
      .bind<T>(token)
      .toResolvedValue(make as (...parts: unknown[]) => T, parts)
      .inSingletonScope();
  };
  singleton(
    EXTEND_PRIMES,
    (repository: PrimeRepository, clock: Clock) => new ExtendPrimes(repository, clock),
    [PRIME_REPOSITORY, CLOCK],
  );
  singleton(
    LIST_PRIMES,
    (repository: PrimeRepository, extend: ExtendPrimes, limits: PrimeLimits) =>
      new ListPrimes(repository, extend, limits),
    [PRIME_REPOSITORY, EXTEND_PRIMES, PRIME_LIMITS],
  );
  singleton(
    COMPUTED_COUNTS,
    (computations: PrimeComputations, memory: CountMemory, clock: Clock, logger: Logger) =>
      new ComputedCounts(computations, memory, clock, logger),
    [PRIME_COMPUTATIONS, COUNT_MEMORY, CLOCK, LOGGER],
  );
  singleton(
    COUNT_PRIMES,
    (repository: PrimeRepository, counts: ComputedCounts, limits: PrimeLimits) =>
      new CountPrimes(repository, counts, limits),
    [PRIME_REPOSITORY, COMPUTED_COUNTS, PRIME_LIMITS],
  );
  singleton(
    TEST_PRIMALITY,
    (repository: PrimeRepository, computations: PrimeComputations) =>
      new TestPrimality(repository, computations),
    [PRIME_REPOSITORY, PRIME_COMPUTATIONS],
  );
  singleton(DESCRIBE_STORE, (repository: PrimeRepository) => new DescribeStore(repository), [
    PRIME_REPOSITORY,
  ]);
  singleton(
    FIND_NTH_PRIME,
    (
      repository: PrimeRepository,
      computations: PrimeComputations,
      clock: Clock,
      limits: PrimeLimits,
    ) => new FindNthPrime(repository, computations, clock, limits),
    [PRIME_REPOSITORY, PRIME_COMPUTATIONS, CLOCK, PRIME_LIMITS],
  );
  singleton(
    LIST_PRIME_WINDOW,
    (listPrimes: ListPrimes, computations: PrimeComputations, clock: Clock, limits: PrimeLimits) =>
      new ListPrimeWindow(listPrimes, computations, clock, limits),
    [LIST_PRIMES, PRIME_COMPUTATIONS, CLOCK, PRIME_LIMITS],
  );
  singleton(
    NEIGHBOUR_PRIMES,
    (computations: PrimeComputations) => new NeighbourPrimes(computations),
    [PRIME_COMPUTATIONS],
  );
  singleton(
    PRIME_USE_CASES,
    (
      extendPrimes: ExtendPrimes,
      listPrimes: ListPrimes,
      countPrimes: CountPrimes,
      testPrimality: TestPrimality,
      describeStore: DescribeStore,
      findNthPrime: FindNthPrime,
      listPrimeWindow: ListPrimeWindow,
      neighbourPrimes: NeighbourPrimes,
      limits: PrimeLimits,
    ): PrimeUseCases => ({
      extendPrimes,
      listPrimes,
      countPrimes,
      testPrimality,
      describeStore,
      findNthPrime,
      listPrimeWindow,
      neighbourPrimes,
      limits,
    }),
    [
      EXTEND_PRIMES,
      LIST_PRIMES,
      COUNT_PRIMES,
      TEST_PRIMALITY,
      DESCRIBE_STORE,
      FIND_NTH_PRIME,
      LIST_PRIME_WINDOW,
      NEIGHBOUR_PRIMES,
      PRIME_LIMITS,
    ],
  );
}
