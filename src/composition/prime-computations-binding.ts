import { interimPrimeComputations } from '../domain/computations/interim-prime-computations';
import type { PrimeComputations } from '../domain/computations/prime-computations';

/**
 * The one place that chooses how primes are computed beyond the store, for every root and for
 * the computation worker thread alike: today the interim sieve-based implementation, to be
 * replaced here by the combinatorial prime count, 64-bit primality and window sieve.
 */
export const chosenPrimeComputations: PrimeComputations = interimPrimeComputations;
