/**
 * The prime store as the use cases see it: a contiguous run of primes by position
 * (0-based: position 0 holds 2). How the primes are laid out is the adapter's business.
 */
export interface StoreReach {
  /** The store holds the primes at positions [0, count). */
  readonly count: number;
  /** The prime at position count - 1, or 0 when the store is empty. */
  readonly lastPrime: number;
}

export interface CapacityUsage {
  readonly readUnits: number;
  readonly writeUnits: number;
}

export interface StoreDescription extends StoreReach {
  readonly engine: string;
  /** Primes per chunk: one chunk is the unit of reading and writing. */
  readonly chunkCapacity: number;
  readonly chunks: number;
  /** Capacity units this repository has consumed since it was made. */
  readonly consumed: CapacityUsage;
}

export interface PrimeRepository {
  /**
   * Primes per chunk, the store's unit of reading and writing. Appends that end on a
   * multiple of it cost the fewest writes, so extenders batch by it.
   */
  readonly chunkCapacity: number;

  reach(): Promise<StoreReach>;

  /**
   * The primes at positions [fromPosition, toPosition), ascending. Fails with
   * PositionBeyondStoreError when the range reaches past the stored prefix.
   */
  readPrimes(fromPosition: number, toPosition: number): Promise<Float64Array>;

  /**
   * Stores `primes` at positions [position, position + primes.length). The store only
   * grows: positions already held are left as they are, so concurrent writers of the same
   * primes agree. Fails with StoreGapError when position is past the stored prefix.
   */
  appendPrimes(position: number, primes: Float64Array): Promise<void>;

  describe(): Promise<StoreDescription>;
}
