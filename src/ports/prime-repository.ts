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

/**
 * What a read found: the primes asked for, or that the store ends before the range does, with
 * how far it reached then. A range past the end is an ordinary answer (the caller extends the
 * store and reads again), so it is a result, not an error.
 */
export type StoredPrimes =
  | { readonly stored: true; readonly primes: Float64Array }
  | { readonly stored: false; readonly reach: StoreReach };

export function storedPrimes(primes: Float64Array): StoredPrimes {
  return { stored: true, primes };
}

export function beyondStore(reach: StoreReach): StoredPrimes {
  return { stored: false, reach };
}

/** Decoded chunks kept in memory between reads, and how often they spared a read. */
export interface ChunkCacheUsage {
  /** Chunks a read found in memory. */
  readonly hits: number;
  /** Chunks a read had to fetch from the store. */
  readonly misses: number;
  readonly chunks: number;
  /** Bytes of decoded primes held, at most maxBytes. */
  readonly bytes: number;
  readonly maxBytes: number;
}

export interface StoreDescription extends StoreReach {
  readonly engine: string;
  /** Primes per chunk: one chunk is the unit of reading and writing. */
  readonly chunkCapacity: number;
  readonly chunks: number;
  /** Capacity units this repository has consumed since it was made. */
  readonly consumed: CapacityUsage;
  readonly chunkCache: ChunkCacheUsage;
}

export interface PrimeRepository {
  /**
   * Primes per chunk, the store's unit of reading and writing. Appends that end on a
   * multiple of it cost the fewest writes, so extenders batch by it.
   */
  readonly chunkCapacity: number;

  reach(): Promise<StoreReach>;

  /**
   * The primes at positions [fromPosition, toPosition), ascending; or, when the range reaches
   * past the stored prefix, where that prefix ends. Ranges wholly inside what an earlier call
   * saw stored cost no look at where the store ends.
   */
  readPrimes(fromPosition: number, toPosition: number): Promise<StoredPrimes>;

  /**
   * Stores `primes` at positions [position, position + primes.length). The store only
   * grows: positions already held are left as they are, so concurrent writers of the same
   * primes agree. Fails with StoreGapError when position is past the stored prefix.
   */
  appendPrimes(position: number, primes: Float64Array): Promise<void>;

  describe(): Promise<StoreDescription>;
}
