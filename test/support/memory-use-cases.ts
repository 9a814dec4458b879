import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../src/domain/queries/prime-limits';
import { CountPrimes } from '../../src/domain/use-cases/count-primes';
import { DescribeStore } from '../../src/domain/use-cases/describe-store';
import { ExtendPrimes } from '../../src/domain/use-cases/extend-primes';
import { ListPrimes } from '../../src/domain/use-cases/list-primes';
import type { PrimeUseCases } from '../../src/domain/use-cases/prime-use-cases';
import { TestPrimality } from '../../src/domain/use-cases/test-primality';
import type { Clock } from '../../src/ports/clock';

export interface MemoryService {
  readonly useCases: PrimeUseCases;
  readonly repository: InMemoryPrimeRepository;
  readonly clock: Clock;
}

export interface MemoryServiceOptions {
  /** Small chunks make a few thousand primes cross many chunk boundaries. */
  readonly chunkCapacity?: number;
  readonly limits?: Partial<PrimeLimits>;
  readonly clock?: Clock;
}

export const realClock: Clock = { now: () => Date.now() };

/** The real use cases over an empty in-memory store, wired as a composition root would. */
export function memoryUseCases(options: MemoryServiceOptions = {}): MemoryService {
  const repository = new InMemoryPrimeRepository(options.chunkCapacity ?? 4_096);
  const clock = options.clock ?? realClock;
  const limits: PrimeLimits = { ...DEFAULT_PRIME_LIMITS, ...options.limits };
  const extendPrimes = new ExtendPrimes(repository, clock);
  const useCases: PrimeUseCases = {
    extendPrimes,
    listPrimes: new ListPrimes(repository, extendPrimes, limits),
    countPrimes: new CountPrimes(repository, extendPrimes),
    testPrimality: new TestPrimality(repository),
    describeStore: new DescribeStore(repository),
    limits,
  };
  return { useCases, repository, clock };
}

/**
 * A clock that moves `stepMs` forward each time it is read, whatever the real time: a deadline
 * then comes after a known number of reads, so deadline tests neither race nor wait.
 */
export function tickingClock(stepMs: number, start = Date.now()): Clock {
  let now = start;
  return {
    now: () => {
      now += stepMs;
      return now;
    },
  };
}
