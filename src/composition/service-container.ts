import { existsSync } from 'node:fs';
import path from 'node:path';
import { Container } from 'inversify';
import { createPrimesApp, type PrimesApp } from '../adapters/http-api/primes-app';
import { InMemoryCountMemory } from '../adapters/memory/in-memory-count-memory';
import type { PrimeComputations } from '../domain/computations/prime-computations';
import type { PrimeLimits } from '../domain/values/prime-limits';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import type { Clock } from '../ports/clock';
import type { CountMemory } from '../ports/count-memory';
import type { Logger } from '../ports/logger';
import type { PrimeRepository } from '../ports/prime-repository';
import { CLOCK, COUNT_MEMORY, LOGGER, PRIME_REPOSITORY } from '../ports/tokens';
import { bindPrimeUseCases } from './bind-prime-use-cases';
import { chosenPrimeComputations } from './prime-computations-binding';
import { systemClock } from './system-clock';
import { PRIME_COMPUTATIONS, PRIME_LIMITS, PRIME_USE_CASES } from './tokens';

export interface ServiceParts {
  readonly logger: Logger;
  readonly limits: PrimeLimits;
  readonly repository: PrimeRepository;
  /** Where computed counts are remembered; unset: in this process only (tests, benchmarks). */
  readonly countMemory?: CountMemory;
  /** In this thread unless the root runs them in a worker thread. */
  readonly computations?: PrimeComputations;
  /** The system clock unless a test needs time it controls. */
  readonly clock?: Clock;
}

/** The graph every root shares; the roots differ only in the store and logger they pass. */
export function createServiceContainer(parts: ServiceParts): Container {
  const container = new Container();
  container.bind<Logger>(LOGGER).toConstantValue(parts.logger);
  container.bind<Clock>(CLOCK).toConstantValue(parts.clock ?? systemClock);
  container.bind<PrimeLimits>(PRIME_LIMITS).toConstantValue(parts.limits);
  container.bind<PrimeRepository>(PRIME_REPOSITORY).toConstantValue(parts.repository);
  container
    .bind<CountMemory>(COUNT_MEMORY)
    .toConstantValue(parts.countMemory ?? new InMemoryCountMemory());
  container
    .bind<PrimeComputations>(PRIME_COMPUTATIONS)
    .toConstantValue(parts.computations ?? chosenPrimeComputations);
  bindPrimeUseCases(container);
  return container;
}

/**
 * Where GET /docs reads swagger-ui-dist's files: the copies the Lambda bundle carries beside
 * index.js, else the installed package.
 */
export function docsAssetsDir(): string {
  const besideBundle = path.join(__dirname, 'swagger-ui');
  if (existsSync(besideBundle)) return besideBundle;
  try {
    return path.dirname(require.resolve('swagger-ui-dist/package.json'));
  } catch {
    // Neither: GET /docs answers that its files are not installed, and the rest is served.
    return besideBundle;
  }
}

/** The HTTP API over a container's use cases and logger, as both transports serve it. */
export function createServiceApp(container: Container): PrimesApp {
  return createPrimesApp(container.get<PrimeUseCases>(PRIME_USE_CASES), {
    logger: container.get<Logger>(LOGGER),
    docsAssetsDir: docsAssetsDir(),
  });
}
