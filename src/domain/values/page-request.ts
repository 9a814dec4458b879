import type { PrimeLimits } from './prime-limits';
import { requireWholeNumber } from './whole-number';

/** One page of a listing: at most `limit` primes, continuing after `cursor` when given. */
export class PageRequest {
  private constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}

  static of(limit: number | undefined, cursor: string | undefined, limits: PrimeLimits) {
    const size = limit ?? limits.defaultPageSize;
    return new PageRequest(requireWholeNumber('limit', size, 1, limits.maxPageSize), cursor);
  }
}
