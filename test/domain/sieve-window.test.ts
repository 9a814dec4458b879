import { SEGMENT_SPAN } from '../../src/domain/sieve/segment-size';
import {
  MAX_LISTED_PRIMES,
  MAX_WINDOW_SPAN,
  countPrimesInWindow,
  primesInWindow,
} from '../../src/domain/sieve/prime-window';
import { MAX_WINDOW_BYTES } from '../../src/domain/sieve/window-sieve';
import {
  plainWindowPrimes,
  primesieveCount,
  primesieveList,
  expectList,
} from '../support/reference-big-primes';

const TOP = 2n ** 64n - 1n;

/** The nearest m from `m` on, stepping by `step`, that shares no factor with 30. */
function wheelMultiplier(m: bigint, step: bigint): bigint {
  while (m % 2n === 0n || m % 3n === 0n || m % 5n === 0n) m += step;
  return m;
}

/** Both calls over one window, against the reference's primes. */
function expectWindow(from: bigint, to: bigint, expected: bigint[]): void {
  expect([from, to, countPrimesInWindow(from, to)]).toEqual([from, to, BigInt(expected.length)]);
  expectList(from, to, [...primesInWindow(from, to, MAX_LISTED_PRIMES)], expected);
}

describe('countPrimesInWindow and primesInWindow', () => {
  it('agree with a plain sieve on every window within [0, 150]', () => {
    for (let from = 0n; from <= 150n; from++) {
      for (let to = from; to <= 150n; to += from < 40n ? 1n : 7n) {
        expectWindow(from, to, plainWindowPrimes(from, to));
      }
    }
  });

  it('agree with a plain sieve on windows straddling 2^32, and primesieve around 2^53', () => {
    const edge = 2n ** 32n;
    for (const [below, above] of [
      [1n, 0n],
      [0n, 1n],
      [30n, 31n],
      [5_000n, 7_000n],
      [300_000n, 10n],
      [10n, 300_000n],
    ]) {
      expectWindow(edge - below, edge + above, plainWindowPrimes(edge - below, edge + above));
    }
    const from = 2n ** 53n - 150_000n;
    const to = 2n ** 53n + 150_000n;
    expectWindow(from, to, primesieveList(from, to));
  });

  it('agree with a plain sieve across the segments of windows at several magnitudes', () => {
    const span = BigInt(SEGMENT_SPAN);
    for (const start of [2n ** 32n + 7n, 10n ** 12n, 2n ** 40n - 13n]) {
      for (const delta of [-31n, -1n, 0n, 1n, 29n]) {
        // The sieve's segments start every SEGMENT_SPAN from 30 * floor(from / 30).
        const base = start - (start % 30n);
        const edge = base + span + delta;
        expectWindow(start, edge, plainWindowPrimes(start, edge));
        expectWindow(edge - 100n, edge + 100n, plainWindowPrimes(edge - 100n, edge + 100n));
      }
      const wide = start + 3n * span + 1234n;
      expect(countPrimesInWindow(start, wide)).toBe(BigInt(plainWindowPrimes(start, wide).length));
    }
  });

  it('agree with a plain sieve where the bucketed primes meet segment edges and short windows', () => {
    // Above 2^38 the primes from 2^19 up sieve from the buckets; at 2^46 up to 2^23.
    const span = BigInt(SEGMENT_SPAN);
    const start = 2n ** 46n + 17n;
    const base = start - (start % 30n);
    for (const [from, to] of [
      [start, start + 1_000n],
      [base, base + span - 1n],
      [base, base + span],
      [start, base + 2n * span - 1n],
      [start, base + 2n * span + 29n],
      [base + span - 30n, base + span + 29n],
    ]) {
      expectWindow(from, to, plainWindowPrimes(from, to));
    }
    // A bucketed prime's multiple on the window's first value, on its last, and just past it.
    const p = 8_388_593n;
    for (const multiple of [p * 8_388_617n, p * wheelMultiplier(base / p + 1n, 1n)]) {
      for (const [from, to] of [
        [multiple, multiple + 500n],
        [multiple - 500n, multiple],
        [multiple - 500n, multiple - 1n],
        [multiple + 1n, multiple + 500n],
      ]) {
        expectWindow(from, to, plainWindowPrimes(from, to));
      }
    }
  });

  it('count a window wider than one sub-window of the sieve as primesieve does', () => {
    const from = 10n ** 12n + 11n;
    const to = from + 30n * BigInt(MAX_WINDOW_BYTES) + 12_345n;
    expect(countPrimesInWindow(from, to)).toBe(primesieveCount(from, to));
  });

  it('give nothing for windows without primes, and the one prime of from = to', () => {
    for (const value of [0n, 1n, 4n, 2n ** 32n, 10n ** 12n]) {
      expect([value, countPrimesInWindow(value, value)]).toEqual([value, 0n]);
      expect([value, [...primesInWindow(value, value, 5)]]).toEqual([value, []]);
    }
    for (const prime of [2n, 3n, 5n, 7n, 4_294_967_291n, 4_294_967_311n]) {
      expect([prime, countPrimesInWindow(prime, prime)]).toEqual([prime, 1n]);
      expect([prime, [...primesInWindow(prime, prime, 5)]]).toEqual([prime, [prime]]);
    }
    // The maximal gap of 1,132 after 1,693,182,318,746,371.
    const p = 1_693_182_318_746_371n;
    expect(countPrimesInWindow(p + 1n, p + 1_131n)).toBe(0n);
    expect([...primesInWindow(p, p + 1_132n, 10)]).toEqual([p, p + 1_132n]);
  });

  it('list only the first `limit` primes, so that a value cursor pages through a window', () => {
    const from = 2n ** 40n + 12_345n;
    const to = from + 200_000n;
    const expected = plainWindowPrimes(from, to);
    expect([...primesInWindow(from, to, 0)]).toEqual([]);
    expect([...primesInWindow(from, to, 1)]).toEqual(expected.slice(0, 1));
    const pages: bigint[] = [];
    for (let cursor = from; ;) {
      const page = [...primesInWindow(cursor, to, 997)];
      pages.push(...page);
      if (page.length < 997) break;
      cursor = page[page.length - 1] + 1n;
    }
    expectList(from, to, pages, expected);
    // Below 2^32 the other engine lists: the same paging holds there.
    const low = plainWindowPrimes(1_000n, 200_000n);
    expect([...primesInWindow(1_000n, 200_000n, 5_000)]).toEqual(low.slice(0, 5_000));
    expect([...primesInWindow(2n ** 32n - 100_000n, 2n ** 32n + 100_000n, 6_000)]).toEqual(
      plainWindowPrimes(2n ** 32n - 100_000n, 2n ** 32n + 100_000n).slice(0, 6_000),
    );
  });

  it('refuse windows outside [0, 2^64 - 1], reversed, too wide to count, or bad limits', () => {
    expect(() => countPrimesInWindow(-1n, 5n)).toThrow(RangeError);
    expect(() => countPrimesInWindow(5n, 4n)).toThrow(RangeError);
    expect(() => countPrimesInWindow(0n, TOP + 1n)).toThrow(RangeError);
    expect(() => primesInWindow(TOP, TOP + 1n, 1)).toThrow(RangeError);
    expect(() => countPrimesInWindow(10n ** 12n, 10n ** 12n + MAX_WINDOW_SPAN)).toThrow(
      /wider than/,
    );
    expect(countPrimesInWindow(2n ** 40n, 2n ** 40n)).toBe(0n);
    for (const limit of [-1, 1.5, MAX_LISTED_PRIMES + 1, Number.NaN]) {
      expect(() => primesInWindow(0n, 100n, limit)).toThrow(RangeError);
    }
  });

  it('stop with DEADLINE_REACHED once shouldStop says so, polling while the primes are placed', () => {
    for (const [from, to] of [
      [0n, 10n ** 9n],
      [2n ** 40n, 2n ** 40n + 10n ** 9n],
    ]) {
      let polls = 0;
      const shouldStop = () => ++polls > 3;
      expect(() => countPrimesInWindow(from, to, shouldStop)).toThrow(
        expect.objectContaining({ code: 'DEADLINE_REACHED' }),
      );
      expect(polls).toBe(4);
      expect(() => primesInWindow(from, to, 10, () => true)).toThrow(
        expect.objectContaining({ code: 'DEADLINE_REACHED' }),
      );
    }
    // A window sieved at once polls too: one value near 2^64 needs 203 million sieving primes.
    let polls = 0;
    expect(() => countPrimesInWindow(TOP, TOP, () => ++polls > 50)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_REACHED' }),
    );
    expect(countPrimesInWindow(10n ** 12n, 10n ** 12n + 1000n, () => false)).toBe(
      BigInt(plainWindowPrimes(10n ** 12n, 10n ** 12n + 1000n).length),
    );
  });
});
