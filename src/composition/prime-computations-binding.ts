import { inThreadPrimeComputations } from '../domain/computations/in-thread-prime-computations';
import type { PrimeComputations } from '../domain/computations/prime-computations';

/**
 * The one place that chooses how primes are computed beyond the store, for every root and for
 * the computation worker thread alike.
 */
export const chosenPrimeComputations: PrimeComputations = inThreadPrimeComputations;
