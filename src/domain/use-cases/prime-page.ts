/** One page of primes, and the cursor of the next page (null on the last one). */
export interface PrimePage {
  readonly primes: Float64Array;
  readonly next: string | null;
}
