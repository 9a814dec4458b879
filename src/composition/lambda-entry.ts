import { createLambdaHandler } from '../adapters/lambda/lambda-handler';
import { createHttpApi } from '../adapters/http-api/http-api';
import type { PrimeUseCases } from '../domain/use-cases/prime-use-cases';
import type { Logger } from '../ports/logger';
import { LOGGER } from '../ports/tokens';
import { readServiceConfig } from './config/environment';
import { createProductionContainer } from './production';
import { PRIME_USE_CASES } from './tokens';

// Built once per cold start, at module scope: every invocation of this sandbox reuses it.
const config = readServiceConfig({ PRIMES_STAGE: 'production', ...process.env });
const container = createProductionContainer(config);
const useCases = container.get<PrimeUseCases>(PRIME_USE_CASES);
const logger = container.get<Logger>(LOGGER);

export const handler = createLambdaHandler(createHttpApi(useCases, { logger }), useCases, {
  deadlineMarginMs: config.deadlineMarginMs,
  logger,
});
