/** The argument check shared by primeSegments and countSievedPrimes. */
export const MAX_SIEVE_BOUND = 2 ** 53;

export function assertSieveRange(lo: number, hi: number): void {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > MAX_SIEVE_BOUND) {
    throw new RangeError(`sieve range [${lo}, ${hi}) must be integers within [0, 2^53]`);
  }
}
