/** How much one request may ask of the service; the composition root reads them from config. */
export interface PrimeLimits {
  /** The largest value a request may need the store to reach (from, to, max). */
  readonly maxValue: number;
  /** The largest count of primes, or n-th prime, a request may need the store to hold. */
  readonly maxCount: number;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /**
   * The largest x whose count of primes up to x is computed; set it to the largest x whose
   * count finishes inside one request's budget.
   */
  readonly maxCountedValue: bigint;
  /** The largest n whose n-th prime is computed beyond the store. */
  readonly maxNthPrime: bigint;
}

export const DEFAULT_PRIME_LIMITS: PrimeLimits = {
  maxValue: 10_000_000_000,
  maxCount: 455_052_511, // pi(1e10): the same work as maxValue
  defaultPageSize: 10_000,
  // 500,000 primes of at most 11 bytes each (ten digits below 1e10, and a comma) are 5.5 MB:
  // the largest page under Lambda's 6 MB response limit with room to spare, uncompressed.
  maxPageSize: 500_000,
  maxCountedValue: 10n ** 16n,
  maxNthPrime: 279_238_341_033_925n, // pi(1e16): the same work as maxCountedValue
};
