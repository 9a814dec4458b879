import { ERROR_CODES } from './error-codes';

/** Errors a PrimeRepository raises, in the domain's words. Each carries a stable code. */
export class StoreGapError extends Error {
  readonly code = ERROR_CODES.storeGap;
  constructor(
    readonly position: number,
    readonly storedCount: number,
  ) {
    super(`cannot store primes from position ${position}: the store holds only ${storedCount}`);
    this.name = 'StoreGapError';
  }
}

export class StoreCorruptError extends Error {
  readonly code = ERROR_CODES.storeCorrupt;
  constructor(
    readonly chunk: number,
    readonly reason: string,
  ) {
    super(`chunk ${chunk} is corrupt: ${reason}; delete it and extend again to rewrite it`);
    this.name = 'StoreCorruptError';
  }
}

export class StoreUnavailableError extends Error {
  readonly code = ERROR_CODES.storeUnavailable;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
