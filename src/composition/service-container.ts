import { Container } from 'inversify';
import type { PrimeLimits } from '../domain/queries/prime-limits';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { PrimeRepository } from '../ports/prime-repository';
import { CLOCK, LOGGER, PRIME_REPOSITORY } from '../ports/tokens';
import { bindPrimeUseCases } from './bind-prime-use-cases';
import { systemClock } from './system-clock';
import { PRIME_LIMITS } from './tokens';

export interface ServiceParts {
  readonly logger: Logger;
  readonly limits: PrimeLimits;
  readonly repository: PrimeRepository;
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
  bindPrimeUseCases(container);
  return container;
}
