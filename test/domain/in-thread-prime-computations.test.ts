import { inThreadPrimeComputations } from '../../src/domain/computations/in-thread-prime-computations';
import { plainWindowPrimes, testedWindowPrimes } from '../support/reference-big-primes';

const TOP = 2n ** 64n - 1n;

describe('the computations run in this thread', () => {
  it('list a short page near 2^64 by testing, as the reference finds it', async () => {
    const from = TOP - 30_000n;
    const page = await inThreadPrimeComputations.primesInWindow(from, TOP, 300);
    expect([...page]).toEqual(testedWindowPrimes(from, TOP).slice(0, 300));
  });

  it('list a page of a window that ends before its limit is reached, up to 2^64 - 59', async () => {
    const from = TOP - 2_000n;
    const page = await inThreadPrimeComputations.primesInWindow(from, TOP, 10_000);
    expect([...page]).toEqual(testedWindowPrimes(from, TOP));
    expect(page[page.length - 1]).toBe(TOP - 58n);
  });

  it('list pages below 2^40 by sieving, as a plain sieve does', async () => {
    const from = 10n ** 11n;
    const page = await inThreadPrimeComputations.primesInWindow(from, from + 50_000n, 1_000);
    expect([...page]).toEqual(plainWindowPrimes(from, from + 50_000n).slice(0, 1_000));
  });

  it('stop a tested page at its deadline', async () => {
    await expect(
      inThreadPrimeComputations.primesInWindow(TOP - 1_000_000n, TOP, 5_000, () => true),
    ).rejects.toMatchObject({ code: 'DEADLINE_REACHED' });
  });
});
