import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import type * as segmentedSieve from '../../src/domain/sieve/segmented-sieve';
import { ExtendPrimes } from '../../src/domain/use-cases/extend-primes';
import { storedPrimes, type StoreReach } from '../../src/ports/prime-repository';
import { ManualClock } from '../support/manual-clock';
import { firstPrimes } from '../support/reference-primes';

// The real sieve, with every segment it yields written to the log below.
jest.mock('../../src/domain/sieve/segmented-sieve', () => {
  const actual = jest.requireActual<typeof segmentedSieve>(
    '../../src/domain/sieve/segmented-sieve',
  );
  return {
    ...actual,
    *primeSegments(lo: number, hi: number) {
      for (const segment of actual.primeSegments(lo, hi)) {
        log.push('segment');
        yield segment;
      }
    },
  };
});

let log: string[] = [];

/** A store whose saves finish only on a later turn of the event loop, as I/O does. */
class EventLoopRepository extends InMemoryPrimeRepository {
  override async appendPrimes(position: number, primes: Float64Array): Promise<void> {
    log.push('save');
    await new Promise<void>((resolve) => setImmediate(resolve));
    await super.appendPrimes(position, primes);
    log.push('saved');
  }
}

describe('ExtendPrimes and the event loop', () => {
  beforeEach(() => {
    log = [];
  });

  it('lets a save in flight finish between sieve segments, before the next batch is full', async () => {
    // Chunks of 100,000 primes, two per save: each save spans several segments of the sieve.
    const store = new EventLoopRepository(100_000);
    const outcome = await new ExtendPrimes(store, new ManualClock(), 2).execute({
      count: 1_000_000,
    });
    expect(outcome.reach).toEqual<StoreReach>({ count: 1_000_000, lastPrime: 15_485_863 });
    // Around the first save's end, where the second save began.
    const reference = firstPrimes(100_010);
    expect(await store.readPrimes(99_990, 100_010)).toEqual(
      storedPrimes(reference.slice(99_990, 100_010)),
    );
    // A save that waited for the batch to fill would be followed by the next save at once;
    // here the sieve went on after it had finished.
    const next = log.flatMap((entry, at) => (entry === 'saved' ? [log[at + 1]] : []));
    expect(next.filter((entry) => entry === 'segment').length).toBeGreaterThan(0);
    expect(log.filter((entry) => entry === 'save')).toHaveLength(6);
  });

  it('takes no turns of the event loop while no save is in flight', async () => {
    const store = new InMemoryPrimeRepository(100_000);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      // One save only, at the end: the whole sieve runs without a turn in between.
      await new ExtendPrimes(store, new ManualClock(), 100).execute({ count: 99_999 });
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBe(0);
    expect((await store.reach()).count).toBe(99_999);
  });
});
