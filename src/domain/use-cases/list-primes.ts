import type { PrimeRepository } from '../../ports/prime-repository';
import { primeCountUpperBound } from '../bounds/prime-count-bounds';
import type { PageRequest } from '../values/page-request';
import {
  decodePageCursor,
  encodePageCursor,
  invalidCursor,
  type PageCursor,
} from '../values/page-cursor';
import type { PrimeLimits } from '../values/prime-limits';
import { ValueRange } from '../values/value-range';
import { requireWholeNumber } from '../values/whole-number';
import type { ExtendPrimes } from './extend-primes';
import type { ExtensionTarget } from './extension-target';
import type { PrimePage } from './prime-page';
import { extendForQuery } from './extend-for-query';
import { StoredPositions, storedWithin } from './stored-positions';

/**
 * Lists primes from the store by value range, as the first n, or the n-th. Asked for primes
 * the store does not hold yet, it extends the store, only as far as the page needs, under the
 * caller's deadline. All reads go through the repository port.
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

  /** Whether the store already holds every prime <= value, so that listing there reads only. */
  holdsUpTo(value: number): Promise<boolean> {
    return this.positions.holdsUpTo(value);
  }

  /** The primes p with from <= p <= to, a page at a time. */
  async inRange(range: ValueRange, page: PageRequest, deadline: number): Promise<PrimePage> {
    const cursor = page.cursor === undefined ? undefined : decodePageCursor(page.cursor);
    if (cursor && (cursor.after < range.from || cursor.after >= range.to)) throw invalidCursor();
    const start = cursor?.position ?? (await this.firstPositionFrom(range.from, deadline));
    // No more than pi(to) primes can be in the range: /primes?max=100 reads 30, not a page.
    // Nor any past a reach known to hold the whole range.
    const known = this.positions.lastSeenReach;
    const mostInRange = Math.max(start, Math.floor(primeCountUpperBound(range.to)));
    const pageEnd = Math.min(start + page.limit, mostInRange);
    const end =
      known !== undefined && known.lastPrime >= range.to && known.count >= start
        ? Math.min(pageEnd, known.count)
        : pageEnd;
    const primes = await this.readOrExtend(start, end, { upTo: range.to }, deadline, cursor);
    const shown = primes.subarray(0, countAtMost(primes, range.to));
    const last = shown[shown.length - 1];
    if (shown.length < page.limit || last >= range.to) return { primes: shown, next: null };
    // A full page that ends below `to`: the prime after it says whether another page follows.
    // Asked for apart from the page, so that a page ending on the store's last prime needs no
    // look at where the store ends; its chunk is read with the page's, or kept for the next.
    const after = start + page.limit;
    const [following] = await this.readOrExtend(after, after + 1, { upTo: range.to }, deadline);
    const more = following !== undefined && following <= range.to;
    return { primes: shown, next: more ? nextCursor(start, shown) : null };
  }

  /**
   * Every prime <= max in one array, for a caller that answers in one piece (the direct
   * invoke): the reads and the extension of a page, with no cursors to make and check between
   * pages, since nothing here comes from outside the service.
   */
  async allUpTo(max: number, deadline: number): Promise<Float64Array> {
    requireWholeNumber('max', max, 0, this.limits.maxValue);
    const range = ValueRange.of(0, max, this.limits);
    // No more than pi(max) primes, none below 2: read that many positions, or to the store's end.
    const mostInRange = Math.floor(primeCountUpperBound(range.to));
    const primes = await this.readOrExtend(0, mostInRange, { upTo: range.to }, deadline);
    return primes.subarray(0, countAtMost(primes, range.to));
  }

  /** The first `count` primes, a page at a time. */
  async first(count: number, page: PageRequest, deadline: number): Promise<PrimePage> {
    requireWholeNumber('count', count, 0, this.limits.maxCount);
    const cursor = page.cursor === undefined ? undefined : decodePageCursor(page.cursor);
    // No page follows the count-th prime, so no cursor this listing gave points at or past it.
    if (cursor && cursor.position >= count) throw invalidCursor();
    const start = cursor?.position ?? 0;
    const end = Math.min(count, start + page.limit);
    const primes = await this.readOrExtend(start, end, {}, deadline, cursor);
    return { primes, next: end < count ? nextCursor(start, primes) : null };
  }

  /** The n-th prime, counting from 1 (nth(1) = 2), as primesieve and PARI/GP do. */
  async nth(n: number, deadline: number): Promise<number> {
    requireWholeNumber('n', n, 1, this.limits.maxCount);
    const [prime] = await this.readOrExtend(n - 1, n, {}, deadline);
    return prime;
  }

  /**
   * The position of the first prime >= from. Found in the store when it holds such a prime;
   * else the store must first reach just below from, and the position is where it then ends
   * or the first prime >= from it gained.
   */
  private async firstPositionFrom(from: number, deadline: number): Promise<number> {
    if (from <= 2) return 0;
    const stored = await this.positions.find(from);
    if (stored !== undefined) return stored.position;
    const reach = await extendForQuery(this.extendPrimes, { upTo: from - 1 }, deadline);
    return this.positions.countBelow(from, reach);
  }

  /**
   * The primes at positions [start, end), or fewer where `also` (a value bound) ends the
   * extension first. Most asked-for positions are stored already, so the store is read first,
   * and extended only when it ends before them: that costs a look at how far it reaches, which
   * a read that succeeds never needs. With a cursor, the prime before `start` is read too and
   * must be the one the cursor names: a cursor that does not match the store is refused.
   */
  private async readOrExtend(
    start: number,
    end: number,
    also: ExtensionTarget,
    deadline: number,
    cursor?: PageCursor,
  ): Promise<Float64Array> {
    const from = cursor ? start - 1 : start;
    const checked = (primes: Float64Array): Float64Array => {
      if (!cursor) return primes;
      if (primes[0] !== cursor.after) throw invalidCursor();
      return primes.subarray(1);
    };
    const read = await this.repository.readPrimes(from, end);
    if (read.stored) return checked(read.primes);
    // The store only grows, so every genuine cursor points inside it: one beyond it is
    // refused before any extension.
    if (cursor && cursor.position > read.reach.count) throw invalidCursor();
    this.positions.remember(read.reach);
    const target = { ...also, count: end };
    const reach = await extendForQuery(this.extendPrimes, target, deadline, read.reach);
    this.positions.remember(reach);
    const to = Math.max(from, Math.min(end, reach.count));
    return checked(storedWithin(await this.repository.readPrimes(from, to), reach));
  }
}

function nextCursor(start: number, shown: Float64Array): string {
  return encodePageCursor({ position: start + shown.length, after: shown[shown.length - 1] });
}

/** How many of the ascending `primes` are at most `value`: those past it are few, at the end. */
function countAtMost(primes: Float64Array, value: number): number {
  return primes.findLastIndex((prime) => prime <= value) + 1;
}
