import type { PrimeRepository, StoreReach } from '../../ports/prime-repository';
import { PositionBeyondStoreError } from '../../ports/store-errors';
import type { PageRequest } from '../queries/page-request';
import {
  decodePageCursor,
  encodePageCursor,
  invalidCursor,
  type PageCursor,
} from '../queries/page-cursor';
import type { PrimeLimits } from '../queries/prime-limits';
import type { ValueRange } from '../queries/value-range';
import { requireWholeNumber } from '../queries/whole-number';
import type { ExtendPrimes } from './extend-primes';
import type { PrimePage } from './prime-page';
import { extendOrThrow } from './store-extender';
import { StoredPositions } from './stored-positions';

/**
 * Lists primes from the store by value range, as the first n, or the n-th. Asked for primes
 * the store does not hold yet, it extends the store first, only as far as the page needs,
 * under the caller's deadline. All reads go through the repository port.
 */
export class ListPrimes {
  private readonly positions: StoredPositions;

  constructor(
    private readonly repository: PrimeRepository,
    private readonly extendPrimes: ExtendPrimes,
    private readonly limits: PrimeLimits,
  ) {
    this.positions = new StoredPositions(repository);
  }

  /** The primes p with from <= p <= to, a page at a time. */
  async inRange(range: ValueRange, page: PageRequest, deadline: number): Promise<PrimePage> {
    let start: number;
    let reachBefore: StoreReach | undefined;
    const cursor = page.cursor === undefined ? undefined : decodePageCursor(page.cursor);
    if (cursor) {
      if (cursor.after < range.from || cursor.after >= range.to) throw invalidCursor();
      reachBefore = await this.storeHolding(cursor);
      start = cursor.position;
    } else {
      reachBefore = await extendOrThrow(this.extendPrimes, { upTo: range.from - 1 }, deadline);
      start = await this.positions.countBelow(range.from, reachBefore);
    }
    // One prime past the page tells whether another page follows.
    const reach = await extendOrThrow(
      this.extendPrimes,
      { upTo: range.to, count: start + page.limit + 1 },
      deadline,
      reachBefore,
    );
    const end = Math.min(start + page.limit + 1, reach.count);
    const primes = await this.readPage(start, end, cursor);
    const inRange = primes.subarray(0, countAtMost(primes, range.to));
    if (inRange.length <= page.limit) return { primes: inRange, next: null };
    const shown = inRange.subarray(0, page.limit);
    return { primes: shown, next: nextCursor(start, shown) };
  }

  /** The first `count` primes, a page at a time. */
  async first(count: number, page: PageRequest, deadline: number): Promise<PrimePage> {
    requireWholeNumber('count', count, 0, this.limits.maxCount);
    const cursor = page.cursor === undefined ? undefined : decodePageCursor(page.cursor);
    const start = cursor?.position ?? 0;
    if (start > count) throw invalidCursor();
    const end = Math.min(count, start + page.limit);
    if (cursor) {
      await extendOrThrow(
        this.extendPrimes,
        { count: end },
        deadline,
        await this.storeHolding(cursor),
      );
    }
    const primes = cursor
      ? await this.readPage(start, end, cursor)
      : await this.readOrExtend(start, end, deadline);
    return { primes, next: end < count ? nextCursor(start, primes) : null };
  }

  /** The n-th prime, counting from 1 (nth(1) = 2), as primesieve and PARI/GP do. */
  async nth(n: number, deadline: number): Promise<number> {
    requireWholeNumber('n', n, 1, this.limits.maxCount);
    const [prime] = await this.readOrExtend(n - 1, n, deadline);
    return prime;
  }

  /**
   * The primes at positions [from, to). Most asked-for positions are stored already, so the
   * store is read first, one chunk read for a short range, and extended only when it ends
   * before `to`: that costs a reach, which a read that succeeds never needs.
   */
  private async readOrExtend(from: number, to: number, deadline: number): Promise<Float64Array> {
    try {
      return await this.repository.readPrimes(from, to);
    } catch (error) {
      if (!(error instanceof PositionBeyondStoreError)) throw error;
    }
    await extendOrThrow(this.extendPrimes, { count: to }, deadline);
    return this.repository.readPrimes(from, to);
  }

  /**
   * How far the store reaches, when it holds the cursor's position. The store only grows, so
   * every genuine cursor points inside it: one beyond it is refused before any extension.
   */
  private async storeHolding(cursor: PageCursor): Promise<StoreReach> {
    const reach = await this.repository.reach();
    if (cursor.position > reach.count) throw invalidCursor();
    return reach;
  }

  /**
   * Reads positions [start, end); with a cursor, also the prime before them, which must be the
   * one the cursor names: a cursor that does not match the store is refused, never served.
   */
  private async readPage(
    start: number,
    end: number,
    cursor: PageCursor | undefined,
  ): Promise<Float64Array> {
    if (!cursor) return this.repository.readPrimes(start, Math.max(start, end));
    const withPrevious = await this.repository.readPrimes(start - 1, Math.max(start, end));
    if (withPrevious[0] !== cursor.after) throw invalidCursor();
    return withPrevious.subarray(1);
  }
}

function nextCursor(start: number, shown: Float64Array): string {
  return encodePageCursor({ position: start + shown.length, after: shown[shown.length - 1] });
}

/** How many of the ascending `primes` are at most `value`. */
function countAtMost(primes: Float64Array, value: number): number {
  let count = primes.length;
  while (count > 0 && primes[count - 1] > value) count--;
  return count;
}
