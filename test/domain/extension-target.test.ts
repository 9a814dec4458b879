import { isTargetReached } from '../../src/domain/use-cases/extension-target';

/** The store holding the first 25 primes: 2, 3, ..., 97. */
const REACH = { count: 25, lastPrime: 97 };

describe('isTargetReached', () => {
  it('is reached by count once the store holds that many primes, and not one fewer', () => {
    expect(isTargetReached({ count: 25 }, REACH)).toBe(true);
    expect(isTargetReached({ count: 24 }, REACH)).toBe(true);
    expect(isTargetReached({ count: 0 }, { count: 0, lastPrime: 0 })).toBe(true);
    expect(isTargetReached({ count: 26 }, REACH)).toBe(false);
  });

  it('is reached by value once the last stored prime is at least that value', () => {
    expect(isTargetReached({ upTo: 97 }, REACH)).toBe(true);
    expect(isTargetReached({ upTo: 96 }, REACH)).toBe(true);
    expect(isTargetReached({ upTo: 98 }, REACH)).toBe(false);
    expect(isTargetReached({ upTo: 0 }, { count: 0, lastPrime: 0 })).toBe(true);
  });

  it('is reached when either bound of a target with both is', () => {
    expect(isTargetReached({ upTo: 1_000, count: 25 }, REACH)).toBe(true);
    expect(isTargetReached({ upTo: 97, count: 1_000 }, REACH)).toBe(true);
    expect(isTargetReached({ upTo: 98, count: 26 }, REACH)).toBe(false);
  });

  it('is never reached by a target with no bound', () => {
    expect(isTargetReached({}, REACH)).toBe(false);
    expect(isTargetReached({}, { count: 0, lastPrime: 0 })).toBe(false);
  });
});
