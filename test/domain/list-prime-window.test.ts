import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { DeadlineReachedError } from '../../src/domain/errors/deadline-reached-error';
import { InvalidParameterError } from '../../src/domain/errors/invalid-parameter-error';
import { ExtendPrimes } from '../../src/domain/use-cases/extend-primes';
import { ListPrimeWindow } from '../../src/domain/use-cases/list-prime-window';
import { ListPrimes } from '../../src/domain/use-cases/list-primes';
import { encodePageCursor } from '../../src/domain/values/page-cursor';
import { PageRequest } from '../../src/domain/values/page-request';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../src/domain/values/prime-limits';
import { ManualClock } from '../support/manual-clock';
import { RecordingRepository } from '../support/recording-repository';
import { firstPrimes, primesBetween } from '../support/reference-primes';
import { RecordingComputations } from './recording-computations';

/** Values up to 5,000 may be listed from the store; the store holds primes up to 7,919. */
const LIMITS: PrimeLimits = { ...DEFAULT_PRIME_LIMITS, maxValue: 5_000 };

async function makeLister(storedCount: number) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(100));
  if (storedCount > 0) await store.appendPrimes(0, firstPrimes(storedCount));
  const clock = new ManualClock();
  const computations = new RecordingComputations();
  const listPrimes = new ListPrimes(store, new ExtendPrimes(store, clock), LIMITS);
  const window = new ListPrimeWindow(listPrimes, computations, clock, LIMITS);
  const page = (from: number, to: number, limit: number, cursor?: string) =>
    window.page(BigInt(from), BigInt(to), PageRequest.of(limit, cursor, LIMITS), Infinity);
  return { store, computations, clock, window, page };
}

type Lister = Awaited<ReturnType<typeof makeLister>>;

/** Every page of [from, to]: its primes as numbers, and the cursors that led on. */
async function allPages({ page }: Lister, from: number, to: number, limit: number) {
  const primes: number[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(from, to, limit, cursor);
    primes.push(...Array.from(answer.primes, Number));
    cursor = answer.next ?? undefined;
    if (cursor !== undefined) cursors.push(cursor);
  } while (cursor !== undefined);
  return { primes, cursors };
}

describe('ListPrimeWindow', () => {
  it('lists a stored window ending at the largest listable value from the store, and one past it by sieving', async () => {
    const lister = await makeLister(1_000);
    const stored = await allPages(lister, 4_000, 5_000, 40);
    expect(stored.primes).toEqual(primesBetween(4_000, 5_000));
    expect(stored.cursors.some((cursor) => cursor.startsWith('v'))).toBe(false);
    expect(lister.computations.calls).toEqual([]);
    const sieved = await allPages(lister, 4_000, 5_001, 40);
    expect(sieved.primes).toEqual(primesBetween(4_000, 5_001));
    expect(sieved.cursors.every((cursor) => cursor.startsWith('v'))).toBe(true);
    expect(lister.computations.calls).toHaveLength(sieved.cursors.length + 1);
  });

  it('ends on a page that holds exactly the last primes of the window', async () => {
    const lister = await makeLister(0);
    // A window of one value, 7,919.
    const single = await lister.page(7_919, 7_919, 5);
    expect([Array.from(single.primes, Number), single.next]).toEqual([[7_919], null]);
    // 25 primes up to 100.
    const whole = await lister.page(0, 100, 25);
    expect([Array.from(whole.primes, Number), whole.next]).toEqual([primesBetween(0, 100), null]);
    const { primes, cursors } = await allPages(lister, 0, 100, 24);
    expect(primes).toEqual(primesBetween(0, 100));
    expect(cursors).toEqual(['v89']);
  });

  it('keeps sieving after a value cursor once the store has come to hold the window', async () => {
    const lister = await makeLister(0);
    const first = await lister.page(1_000, 2_000, 10);
    expect(first.next).toBe(`v${primesBetween(1_000, 2_000)[9]}`);
    await lister.store.appendPrimes(0, firstPrimes(1_000));
    lister.computations.calls.length = 0;
    const second = await lister.page(1_000, 2_000, 10, first.next ?? '');
    expect(Array.from(second.primes, Number)).toEqual(primesBetween(1_000, 2_000).slice(10, 20));
    expect(lister.computations.calls).toHaveLength(1);
  });

  it('takes a position cursor naming the window start, and refuses one outside the window before any read', async () => {
    const lister = await makeLister(1_000);
    // pi(97) = 25, pi(997) = 168.
    const after97 = encodePageCursor({ position: 25, after: 97 });
    const after997 = encodePageCursor({ position: 168, after: 997 });
    const resumed = await lister.page(97, 1_000, 3, after97);
    expect(Array.from(resumed.primes, Number)).toEqual([101, 103, 107]);
    for (const [from, to, cursor] of [
      [98, 1_000, after97],
      [100, 997, after997],
    ] as const) {
      // A lister that has not yet seen where the store ends, so that any look would show.
      const fresh = await makeLister(1_000);
      const error = await fresh.page(from, to, 3, cursor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ field: 'cursor' });
      expect([fresh.store.reads, fresh.store.reaches]).toEqual([[], 0]);
    }
  });

  it('refuses bounds outside [0, 2^64 - 1], naming each, and a page with no time left, naming it', async () => {
    const { window, clock, computations } = await makeLister(0);
    const request = PageRequest.of(10, undefined, LIMITS);
    const U64_MAX = (1n << 64n) - 1n;
    const refused = async (from: bigint, to: bigint, deadline = Infinity) =>
      window.page(from, to, request, deadline).catch((e: unknown) => e);
    expect(await refused(-1n, 10n)).toMatchObject({ field: 'from' });
    expect(await refused(0n, U64_MAX + 1n)).toMatchObject({ field: 'to' });
    const late = await refused(1_000n, 2_000n, clock.now());
    expect(late).toBeInstanceOf(DeadlineReachedError);
    expect((late as Error).message).toContain('the page of primes');
    expect(computations.calls).toEqual([]);
  });
});
