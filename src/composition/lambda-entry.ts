import { readServiceConfig } from './config/environment';
import { createProductionHandler } from './production';

// Built once per cold start, at module scope: every invocation of this sandbox reuses it.
export const handler = createProductionHandler(
  readServiceConfig({ PRIMES_STAGE: 'production', ...process.env }),
);
