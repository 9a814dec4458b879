import {
  MAX_LISTED_PRIMES,
  countPrimesInWindow,
  primesInWindow,
} from '../../src/domain/sieve/prime-window';
import { SEGMENT_SPAN } from '../../src/domain/sieve/segment-size';
import {
  expectList,
  primesieveCount,
  primesieveList,
  testedWindowPrimes,
} from '../support/reference-big-primes';

/**
 * Windows near 1e18 and 2^64 place every one of the 50 or 203 million primes below their
 * square root: tens of seconds each on a quiet machine, minutes on a loaded one. So they run
 * in their own suite (`npm run test:heavy`).
 */
const TOP = 2n ** 64n - 1n;
const HEAVY_TIMEOUT = 600_000;

describe('windows at the top of the 64-bit range', () => {
  it(
    'agree with primesieve and Miller-Rabin on a window ending at 2^64 - 1',
    () => {
      const from = TOP - 300_000n;
      const listed = [...primesInWindow(from, TOP, MAX_LISTED_PRIMES)];
      expectList(from, TOP, listed, primesieveList(from, TOP));
      expectList(
        TOP - 20_000n,
        TOP,
        listed.filter((p) => p >= TOP - 20_000n),
        testedWindowPrimes(TOP - 20_000n, TOP),
      );
      // The last prime is 2^64 - 59.
      expect(listed[listed.length - 1]).toBe(18_446_744_073_709_551_557n);
      expect(countPrimesInWindow(from, TOP)).toBe(BigInt(listed.length));
    },
    HEAVY_TIMEOUT,
  );

  it(
    'agree with primesieve on wider windows and from 0',
    () => {
      for (const [from, to] of [
        [10n ** 18n, 10n ** 18n + 20_000_000n],
        [2n ** 53n - 10_000_000n, 2n ** 53n + 10_000_000n],
        [0n, 30_000_000n],
      ]) {
        expect([from, to, countPrimesInWindow(from, to)]).toEqual([
          from,
          to,
          primesieveCount(from, to),
        ]);
      }
      const from = 10n ** 18n - 1_000_000n;
      const to = 10n ** 18n + 1_000_000n;
      expectList(
        from,
        to,
        [...primesInWindow(from, to, MAX_LISTED_PRIMES)],
        primesieveList(from, to),
      );
    },
    HEAVY_TIMEOUT,
  );

  it(
    'agree with primesieve and Miller-Rabin near 2^63 and 2^64, where values pass i64',
    () => {
      // Around 2^63 signed and unsigned 64-bit arithmetic part ways.
      const half = 2n ** 63n;
      const around = [...primesInWindow(half - 40_000n, half + 40_000n, MAX_LISTED_PRIMES)];
      expectList(
        half - 40_000n,
        half + 40_000n,
        around,
        primesieveList(half - 40_000n, half + 40_000n),
      );
      expect(countPrimesInWindow(half - 40_000n, half + 40_000n)).toBe(BigInt(around.length));
      // Across two segment edges up to 2^64 - 1.
      const from = TOP - 2n * BigInt(SEGMENT_SPAN) - 12_345n;
      expect(countPrimesInWindow(from, TOP)).toBe(primesieveCount(from, TOP));
      // The largest prime below 2^32 and its last multiple on the wheel below 2^64, in a
      // window shorter than a segment: for windows above it, p * ceil(from / p) passes 2^64.
      const p = 4_294_967_291n;
      let m = TOP / p;
      while (m % 2n === 0n || m % 3n === 0n || m % 5n === 0n) m--;
      const multiple = p * m;
      expect(TOP - multiple).toBeLessThan(7n * p);
      const near = [multiple - 300n, multiple + 300n] as const;
      expect([...primesInWindow(near[0], near[1], MAX_LISTED_PRIMES)]).toEqual(
        testedWindowPrimes(near[0], near[1]),
      );
      expect(countPrimesInWindow(multiple + 1n, TOP)).toBe(primesieveCount(multiple + 1n, TOP));
    },
    HEAVY_TIMEOUT,
  );
});
