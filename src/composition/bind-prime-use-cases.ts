import type { Container } from 'inversify';
import type { PrimeLimits } from '../domain/queries/prime-limits';
import { CountPrimes } from '../domain/use-cases/count-primes';
import { DescribeStore } from '../domain/use-cases/describe-store';
import { ExtendPrimes } from '../domain/use-cases/extend-primes';
import { ListPrimes } from '../domain/use-cases/list-primes';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import { TestPrimality } from '../domain/use-cases/test-primality';
import type { Clock } from '../ports/clock';
import type { PrimeRepository } from '../ports/prime-repository';
import { CLOCK, PRIME_REPOSITORY } from '../ports/tokens';
import {
  COUNT_PRIMES,
  DESCRIBE_STORE,
  EXTEND_PRIMES,
  LIST_PRIMES,
  PRIME_LIMITS,
  PRIME_USE_CASES,
  TEST_PRIMALITY,
} from './tokens';

/**
 * Binds the use cases, the same in every root; each root binds the ports (PRIME_REPOSITORY,
 * CLOCK, LOGGER) and PRIME_LIMITS. The domain stays free of decorators: factories name their
 * dependencies here.
 */
export function bindPrimeUseCases(container: Container): void {
  container
    .bind<ExtendPrimes>(EXTEND_PRIMES)
    .toResolvedValue(
      (repository: PrimeRepository, clock: Clock) => new ExtendPrimes(repository, clock),
      [PRIME_REPOSITORY, CLOCK],
    )
    .inSingletonScope();
  container
    .bind<ListPrimes>(LIST_PRIMES)
    .toResolvedValue(
      (repository: PrimeRepository, extend: ExtendPrimes, limits: PrimeLimits) =>
        new ListPrimes(repository, extend, limits),
      [PRIME_REPOSITORY, EXTEND_PRIMES, PRIME_LIMITS],
    )
    .inSingletonScope();
  container
    .bind<CountPrimes>(COUNT_PRIMES)
    .toResolvedValue(
      (repository: PrimeRepository, extend: ExtendPrimes) => new CountPrimes(repository, extend),
      [PRIME_REPOSITORY, EXTEND_PRIMES],
    )
    .inSingletonScope();
  container
    .bind<TestPrimality>(TEST_PRIMALITY)
    .toResolvedValue(
      (repository: PrimeRepository) => new TestPrimality(repository),
      [PRIME_REPOSITORY],
    )
    .inSingletonScope();
  container
    .bind<DescribeStore>(DESCRIBE_STORE)
    .toResolvedValue(
      (repository: PrimeRepository) => new DescribeStore(repository),
      [PRIME_REPOSITORY],
    )
    .inSingletonScope();
  container
    .bind<PrimeUseCases>(PRIME_USE_CASES)
    .toResolvedValue(
      (
        extendPrimes: ExtendPrimes,
        listPrimes: ListPrimes,
        countPrimes: CountPrimes,
        testPrimality: TestPrimality,
        describeStore: DescribeStore,
        limits: PrimeLimits,
      ) => ({ extendPrimes, listPrimes, countPrimes, testPrimality, describeStore, limits }),
      [EXTEND_PRIMES, LIST_PRIMES, COUNT_PRIMES, TEST_PRIMALITY, DESCRIBE_STORE, PRIME_LIMITS],
    )
    .inSingletonScope();
}
