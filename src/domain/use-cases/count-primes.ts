import type { PrimeRepository, StoreReach } from '../../ports/prime-repository';
import { REMEMBERED_WINDOW_WIDTH } from '../../ports/count-memory';
import { U64_MAX } from '../computations/prime-computations';
import { InvalidParameterError } from '../errors/invalid-parameter-error';
import type { PrimeLimits } from '../values/prime-limits';
import type { ValueRange } from '../values/value-range';
import { requireWholeBigInt } from '../values/whole-bigint';
import type { ComputedCounts } from './computed-counts';
import { StoredPositions } from './stored-positions';

/**
 * pi over a value range. Inside the store, from the positions of its bounds; beyond it,
 * computed (or recalled) without growing the store: as pi(to) - pi(from - 1), or by sieving
 * the window itself when it is narrow enough that this is cheaper.
 */
export class CountPrimes {
  private readonly positions: StoredPositions;

  constructor(
    private readonly repository: PrimeRepository,
    private readonly counts: ComputedCounts,
    private readonly limits: PrimeLimits,
  ) {
    this.positions = new StoredPositions(repository);
  }

  async inRange(range: ValueRange, deadline: number): Promise<number> {
    // A count never exceeds its upper bound, which a ValueRange holds below 2^53.
    return Number(await this.between(BigInt(range.from), BigInt(range.to), deadline));
  }

  /**
   * How many primes p have from <= p <= to: for to up to limits.maxCountedValue, or for any
   * window up to 2^64 - 1 narrow enough to be sieved whole.
   */
  async between(from: bigint, to: bigint, deadline: number): Promise<bigint> {
    requireWholeBigInt('from', from, 0n, U64_MAX);
    requireWholeBigInt('to', to, 0n, U64_MAX);
    if (from > to) throw new InvalidParameterError('from', `must not exceed to (${to})`);
    const cap = this.limits.maxCountedValue;
    const width = to - from + 1n;
    if (to > cap && (from <= 2n || width > WINDOW_PAST_CAP_WIDTH)) {
      throw new InvalidParameterError(
        'to',
        `must be at most ${cap}, or within ${WINDOW_PAST_CAP_WIDTH} of from: only windows that narrow are counted past it`,
      );
    }
    const byWindow = from > 2n && (to > cap || countsByWindow(from, to));
    const question = byWindow ? { from, to } : from <= 2n ? { from: 0n, to } : undefined;
    // A remembered answer, looked up first, is the whole cost: one read.
    const recallFirst = question !== undefined && to >= RECALL_FIRST_FROM;
    const remembered = recallFirst ? await this.counts.recall(question) : undefined;
    if (remembered !== undefined) return remembered;
    const reach = await this.repository.reach();
    if (byWindow && to > BigInt(reach.lastPrime)) {
      return this.counts.inWindow(from, to, deadline, recallFirst);
    }
    const [below, atMost] = await Promise.all([
      this.upTo(from - 1n, reach, deadline, false),
      this.upTo(to, reach, deadline, recallFirst),
    ]);
    return atMost - below;
  }

  /** pi(x): from the store where it reaches x, else computed. */
  private async upTo(
    x: bigint,
    reach: StoreReach,
    deadline: number,
    missed: boolean,
  ): Promise<bigint> {
    if (x < 2n) return 0n;
    if (x > BigInt(reach.lastPrime)) return this.counts.upTo(x, deadline, missed);
    return BigInt(await this.positions.countBelow(Number(x) + 1, reach));
  }
}

/**
 * Below this, the store or a computation of a few milliseconds answers, so the memory is only
 * asked once the store is known not to hold the answer: a read that would nearly always miss
 * is saved. Above it, the memory is asked first.
 */
const RECALL_FIRST_FROM = 1n << 32n;

/**
 * Sieving [from, to] costs about its width; pi(x) by the combinatorial method costs about
 * x^(2/3). So a window narrower than to^(2/3) is counted by sieving it.
 */
function countsByWindow(from: bigint, to: bigint): boolean {
  const width = to - from + 1n;
  return width < REMEMBERED_WINDOW_WIDTH && width ** 3n <= to ** 2n;
}

/**
 * Past the counting cap only a window is counted, by sieving it: 2^32 numbers near 2^64 take
 * some twenty seconds here, about one request's budget, and fit the sieve's span (2^36).
 */
const WINDOW_PAST_CAP_WIDTH = 1n << 32n;
