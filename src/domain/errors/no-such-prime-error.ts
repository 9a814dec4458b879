import { ERROR_CODES } from '../../ports/error-codes';

/**
 * No prime answers the question inside [0, 2^64): none below 2, none above the largest 64-bit
 * prime. A caller's question with no answer, not a fault: the field names what was asked.
 */
export class NoSuchPrimeError extends Error {
  readonly code = ERROR_CODES.noSuchPrime;
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = 'NoSuchPrimeError';
  }
}
