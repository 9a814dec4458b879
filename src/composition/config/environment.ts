import { z } from 'zod';
import { DEFAULT_CHUNK_CACHE_BYTES } from '../../adapters/dynamodb/decoded-chunk-cache';
import { U64_MAX } from '../../domain/computations/prime-computations';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../domain/values/prime-limits';

/**
 * The service's whole configuration, read from the environment in this one place. A bad value
 * fails at start with a message naming the variable, never later in a request.
 */
export interface ServiceConfig {
  readonly tableName: string;
  /** A local DynamoDB-compatible endpoint; unset: AWS in production, embedded dynalite otherwise. */
  readonly dynamodbEndpoint: string | undefined;
  readonly dataDir: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Time kept back from Lambda's remaining time, to save and answer before the timeout. */
  readonly deadlineMarginMs: number;
  /** How long the local server lets one request extend the store before answering 503. */
  readonly requestBudgetMs: number;
  readonly limits: PrimeLimits;
  /**
   * Primes per chunk item; unset: the adapter's default. Fixed by a table's first write: every
   * root that opens the table must use the same value, or the store refuses it.
   */
  readonly chunkCapacity: number | undefined;
  /** Bytes of decoded chunks the store keeps in memory between requests; 0 keeps none. */
  readonly chunkCacheBytes: number;
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A decimal integer in [min, max] read as a bigint: caps past 2^53 stay exact. */
const wholeBigInt = (min: bigint, max: bigint) =>
  z
    .string()
    .regex(/^\d{1,20}$/, 'must be a whole number')
    .transform((text) => BigInt(text))
    .refine((value) => value >= min && value <= max, `must be from ${min} to ${max}`);

const environmentSchema = z.object({
  PRIMES_TABLE: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be a DynamoDB table name')
    .default('primes'),
  DYNAMODB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  PRIMES_DATA_DIR: z.string().min(1).default('.data'),
  PORT: wholeNumber(0, 65_535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PRIMES_DEADLINE_MARGIN_MS: wholeNumber(0, 60_000).default(1_000),
  PRIMES_REQUEST_BUDGET_MS: wholeNumber(100, 900_000).default(25_000),
  PRIMES_MAX_VALUE: wholeNumber(100, Number.MAX_SAFE_INTEGER).default(
    DEFAULT_PRIME_LIMITS.maxValue,
  ),
  PRIMES_MAX_COUNT: wholeNumber(25, Number.MAX_SAFE_INTEGER).default(DEFAULT_PRIME_LIMITS.maxCount),
  PRIMES_MAX_PAGE_SIZE: wholeNumber(1, 1_000_000).default(DEFAULT_PRIME_LIMITS.maxPageSize),
  PRIMES_DEFAULT_PAGE_SIZE: wholeNumber(1, 1_000_000).default(DEFAULT_PRIME_LIMITS.defaultPageSize),
  PRIMES_CHUNK_CAPACITY: wholeNumber(1, 100_000).optional(),
  PRIMES_MAX_COUNTED_VALUE: wholeBigInt(100n, U64_MAX).default(
    DEFAULT_PRIME_LIMITS.maxCountedValue,
  ),
  PRIMES_MAX_NTH_PRIME: wholeBigInt(25n, U64_MAX).default(DEFAULT_PRIME_LIMITS.maxNthPrime),
  PRIMES_CHUNK_CACHE_BYTES: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(
    DEFAULT_CHUNK_CACHE_BYTES,
  ),
});

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export function readServiceConfig(environment: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `environment variable ${issue.path.join('.')} ${issue.message}`,
    );
    throw new ConfigurationError(problems.join('; '));
  }
  const env = parsed.data;
  if (env.PRIMES_DEFAULT_PAGE_SIZE > env.PRIMES_MAX_PAGE_SIZE) {
    throw new ConfigurationError(
      'environment variable PRIMES_DEFAULT_PAGE_SIZE must not exceed PRIMES_MAX_PAGE_SIZE',
    );
  }
  return {
    tableName: env.PRIMES_TABLE,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
    dataDir: env.PRIMES_DATA_DIR,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    deadlineMarginMs: env.PRIMES_DEADLINE_MARGIN_MS,
    requestBudgetMs: env.PRIMES_REQUEST_BUDGET_MS,
    limits: {
      maxValue: env.PRIMES_MAX_VALUE,
      maxCount: env.PRIMES_MAX_COUNT,
      maxPageSize: env.PRIMES_MAX_PAGE_SIZE,
      defaultPageSize: env.PRIMES_DEFAULT_PAGE_SIZE,
      maxCountedValue: env.PRIMES_MAX_COUNTED_VALUE,
      maxNthPrime: env.PRIMES_MAX_NTH_PRIME,
    },
    chunkCapacity: env.PRIMES_CHUNK_CAPACITY,
    chunkCacheBytes: env.PRIMES_CHUNK_CACHE_BYTES,
  };
}

/** An empty variable (`PORT=`) means unset, as shells and Lambda consoles produce them. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => !!entry[1]),
  );
}
