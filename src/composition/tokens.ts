/** Tokens of what the composition roots build beyond the ports (those are in src/ports/tokens). */
export const PRIME_LIMITS = Symbol.for('PrimeLimits');
export const EXTEND_PRIMES = Symbol.for('ExtendPrimes');
export const LIST_PRIMES = Symbol.for('ListPrimes');
export const COUNT_PRIMES = Symbol.for('CountPrimes');
export const TEST_PRIMALITY = Symbol.for('TestPrimality');
export const DESCRIBE_STORE = Symbol.for('DescribeStore');
export const PRIME_USE_CASES = Symbol.for('PrimeUseCases');
export const PRIME_COMPUTATIONS = Symbol.for('PrimeComputations');
export const COMPUTED_COUNTS = Symbol.for('ComputedCounts');
export const FIND_NTH_PRIME = Symbol.for('FindNthPrime');
export const LIST_PRIME_WINDOW = Symbol.for('ListPrimeWindow');
export const NEIGHBOUR_PRIMES = Symbol.for('NeighbourPrimes');
