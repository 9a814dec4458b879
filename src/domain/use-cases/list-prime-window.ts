import type { Clock } from '../../ports/clock';
import { U64_MAX, type PrimeComputations } from '../computations/prime-computations';
import { InvalidParameterError } from '../errors/invalid-parameter-error';
import { decodePageCursor, invalidCursor } from '../values/page-cursor';
import type { PageRequest } from '../values/page-request';
import type { PrimeLimits } from '../values/prime-limits';
import { decodeValueCursor, encodeValueCursor, isValueCursor } from '../values/value-cursor';
import { ValueRange } from '../values/value-range';
import { requireWholeBigInt } from '../values/whole-bigint';
import { stopAtDeadline } from './deadline-watch';
import type { ListPrimes } from './list-primes';

/** One page of a window, and the cursor of the next page (null on the last one). */
export interface PrimeWindowPage {
  readonly primes: BigUint64Array;
  readonly next: string | null;
}

/**
 * The primes of any window [from, to] with to <= 2^64 - 1, a page at a time. A window the
 * store holds is listed from it as before (position cursors); any other is sieved page by page
 * from a value cursor, and the store is not extended for it. A page holds at most `limit`
 * primes, so its memory stays bounded however wide the window.
 */
export class ListPrimeWindow {
  constructor(
    private readonly listPrimes: ListPrimes,
    private readonly computations: PrimeComputations,
    private readonly clock: Clock,
    private readonly limits: PrimeLimits,
  ) {}

  async page(
    from: bigint,
    to: bigint,
    page: PageRequest,
    deadline: number,
  ): Promise<PrimeWindowPage> {
    requireWholeBigInt('from', from, 0n, U64_MAX);
    requireWholeBigInt('to', to, 0n, U64_MAX);
    if (from > to) throw new InvalidParameterError('from', `must not exceed to (${to})`);
    if (page.cursor !== undefined && !isValueCursor(page.cursor)) {
      // A position cursor names the prime before its page: one outside this window belongs to
      // another query, and is refused before any read.
      const { after } = decodePageCursor(page.cursor);
      if (BigInt(after) < from || BigInt(after) >= to) throw invalidCursor();
    }
    if (page.cursor === undefined || !isValueCursor(page.cursor)) {
      const stored = await this.fromStore(from, to, page, deadline);
      if (stored) return stored;
    }
    // A position cursor left here names a window the store did not hold: it made none such, and
    // never shrinks, so the value cursor's check refuses it.
    const after = page.cursor === undefined ? undefined : decodeValueCursor(page.cursor, from, to);
    const start = after === undefined ? from : after + 1n;
    const shouldStop = stopAtDeadline(this.clock, deadline, 'the page of primes');
    // One prime past the page tells whether another page follows.
    const primes = await this.computations.primesInWindow(start, to, page.limit + 1, shouldStop);
    if (primes.length <= page.limit) return { primes, next: null };
    const shown = primes.subarray(0, page.limit);
    return { primes: shown, next: encodeValueCursor(shown[page.limit - 1]) };
  }

  /** The page from the store, when the store already holds the whole window. */
  private async fromStore(
    from: bigint,
    to: bigint,
    page: PageRequest,
    deadline: number,
  ): Promise<PrimeWindowPage | undefined> {
    if (to > BigInt(this.limits.maxValue) || !(await this.listPrimes.holdsUpTo(Number(to)))) {
      return undefined;
    }
    const range = ValueRange.of(Number(from), Number(to), this.limits);
    const listed = await this.listPrimes.inRange(range, page, deadline);
    return { primes: BigUint64Array.from(listed.primes, BigInt), next: listed.next };
  }
}
