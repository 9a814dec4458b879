import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../src/domain/values/prime-limits';
import { createServiceContainer } from '../../src/composition/service-container';
import { PRIME_USE_CASES } from '../../src/composition/tokens';
import type { PrimeUseCases } from '../../src/domain/use-cases/prime-use-cases';
import type { Clock } from '../../src/ports/clock';
import type { PrimeRepository } from '../../src/ports/prime-repository';
import { silentLogger } from './silent-logger';

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
  return { useCases: useCasesOver(repository, clock, limits), repository, clock };
}

/** The use cases over any repository, built by the same container the roots build. */
export function useCasesOver(
  repository: PrimeRepository,
  clock: Clock,
  limits: PrimeLimits,
): PrimeUseCases {
  return createServiceContainer({
    logger: silentLogger,
    limits,
    repository,
    clock,
  }).get<PrimeUseCases>(PRIME_USE_CASES);
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
