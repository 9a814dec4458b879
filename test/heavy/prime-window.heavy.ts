import {
  MAX_LISTED_PRIMES,
  countPrimesInWindow,
  primesInWindow,
} from '../../src/domain/sieve/prime-window';
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
});
