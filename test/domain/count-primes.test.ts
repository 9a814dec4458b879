import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { InvalidParameterError } from '../../src/domain/errors/invalid-parameter-error';
import { ComputedCounts } from '../../src/domain/use-cases/computed-counts';
import { CountPrimes } from '../../src/domain/use-cases/count-primes';
import { DEFAULT_PRIME_LIMITS, type PrimeLimits } from '../../src/domain/values/prime-limits';
import { ManualClock } from '../support/manual-clock';
import { RecordingRepository } from '../support/recording-repository';
import { firstPrimes, primesBetween } from '../support/reference-primes';
import { silentLogger } from '../support/silent-logger';
import { RecordingComputations, RecordingCountMemory } from './recording-computations';

/** pi(2^32), as published; 2^32 - 1 and 2^32 + 1 (641 x 6,700,417) are composite. */
const PI_2_32 = 203_280_221n;
const TWO_32 = 1n << 32n;

async function makeCounter(storedCount: number, limits: Partial<PrimeLimits> = {}) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(100));
  if (storedCount > 0) await store.appendPrimes(0, firstPrimes(storedCount));
  const computations = new RecordingComputations();
  const memory = new RecordingCountMemory();
  const counts = new ComputedCounts(computations, memory, new ManualClock(), silentLogger);
  const countPrimes = new CountPrimes(store, counts, { ...DEFAULT_PRIME_LIMITS, ...limits });
  return { store, computations, memory, countPrimes };
}

const referenceCount = (from: bigint, to: bigint) =>
  BigInt(primesBetween(Number(from), Number(to)).length);

describe('CountPrimes', () => {
  it('counts from 2 as pi(to), never as a window', async () => {
    const { countPrimes, computations } = await makeCounter(0);
    expect(await countPrimes.between(2n, 3n, Infinity)).toBe(2n);
    expect(computations.calls).toEqual(['primePi(3)']);
  });

  it('sieves a window no wider than to^(2/3), and counts a wider one as pi(to) - pi(from - 1)', async () => {
    const { countPrimes, computations } = await makeCounter(0);
    // 10^4 cubed is 10^12, 10^6 squared: the widest window sieved below 10^6.
    expect(await countPrimes.between(990_001n, 1_000_000n, Infinity)).toBe(
      referenceCount(990_001n, 1_000_000n),
    );
    expect(computations.calls).toEqual(['countPrimesInWindow(990001, 1000000)']);
    computations.calls.length = 0;
    expect(await countPrimes.between(990_000n, 1_000_000n, Infinity)).toBe(
      referenceCount(990_000n, 1_000_000n),
    );
    expect(computations.calls.sort()).toEqual(['primePi(1000000)', 'primePi(989999)']);
  });

  it('counts up to and within the last stored prime from the store alone', async () => {
    const { countPrimes, computations, store } = await makeCounter(1_000);
    const { lastPrime } = await store.reach();
    const last = BigInt(lastPrime);
    expect(await countPrimes.between(0n, last, Infinity)).toBe(1_000n);
    expect(await countPrimes.between(last - 19n, last, Infinity)).toBe(
      referenceCount(last - 19n, last),
    );
    expect(await countPrimes.between(3n, last, Infinity)).toBe(999n);
    expect(computations.calls).toEqual([]);
    // One past it, the narrow window is sieved.
    expect(await countPrimes.between(last - 19n, last + 1n, Infinity)).toBe(
      referenceCount(last - 19n, last + 1n),
    );
    expect(computations.calls).toEqual([`countPrimesInWindow(${last - 19n}, ${last + 1n})`]);
  });

  it('counts up to the cap, and past it only windows from above 2 at most 2^32 wide', async () => {
    const { countPrimes, computations } = await makeCounter(0, { maxCountedValue: 100_000n });
    expect(await countPrimes.between(0n, 100_000n, Infinity)).toBe(9_592n);
    // Up to the cap itself, a wide window is still two counts.
    expect(await countPrimes.between(3n, 100_000n, Infinity)).toBe(9_591n);
    expect(await countPrimes.between(3n, 100_001n, Infinity)).toBe(referenceCount(3n, 100_001n));
    for (const [from, to] of [
      [2n, 100_001n],
      [0n, 100_001n],
      [3n, TWO_32 + 3n],
    ]) {
      const error = await countPrimes.between(from, to, Infinity).catch((e: unknown) => e);
      expect([from, to, error]).toEqual([from, to, expect.any(InvalidParameterError)]);
      expect(error).toMatchObject({ field: 'to' });
    }
    expect(computations.calls).toEqual([
      'primePi(100000)',
      'primePi(2)',
      'primePi(100000)',
      'countPrimesInWindow(3, 100001)',
    ]);
  });

  it('takes a window exactly 2^32 wide past the cap, answered from the memory', async () => {
    const { countPrimes, computations, memory, store } = await makeCounter(0, {
      maxCountedValue: 100_000n,
    });
    // The primes of [3, 2^32 + 2] are those up to 2^32 but 2.
    await memory.remember({ from: 3n, to: TWO_32 + 2n }, PI_2_32 - 1n);
    expect(await countPrimes.between(3n, TWO_32 + 2n, Infinity)).toBe(PI_2_32 - 1n);
    expect(computations.calls).toEqual([]);
    expect(store.reaches).toBe(0);
  });

  it('asks the memory before the store from to = 2^32 on, and after it below', async () => {
    const { countPrimes, computations, memory, store } = await makeCounter(0);
    await memory.remember({ from: 0n, to: TWO_32 }, PI_2_32);
    await memory.remember({ from: 0n, to: TWO_32 - 1n }, PI_2_32);
    expect(await countPrimes.between(0n, TWO_32, Infinity)).toBe(PI_2_32);
    expect(store.reaches).toBe(0);
    expect(await countPrimes.between(1n, TWO_32 - 1n, Infinity)).toBe(PI_2_32);
    expect(store.reaches).toBe(1);
    expect(memory.recalls).toEqual([`[0, ${TWO_32}]`, `[0, ${TWO_32 - 1n}]`]);
    expect(computations.calls).toEqual([]);
  });

  it('counts a wide window from above 2 as two counts, never as pi(to) alone', async () => {
    const { countPrimes, computations, memory } = await makeCounter(0);
    await memory.remember({ from: 0n, to: TWO_32 }, PI_2_32);
    // pi(999) = 168.
    expect(await countPrimes.between(1_000n, TWO_32, Infinity)).toBe(PI_2_32 - 168n);
    expect(computations.calls).toEqual(['primePi(999)']);
  });

  it('asks the memory once for a count it then computes', async () => {
    const { countPrimes, computations, memory } = await makeCounter(0);
    const to = TWO_32 + 15n;
    const count = await countPrimes.between(0n, to, Infinity);
    // 2^32 + 15 is the first prime above 2^32.
    expect(count).toBe(PI_2_32 + 1n);
    expect(memory.recalls).toEqual([`[0, ${to}]`]);
    expect(computations.calls).toEqual([`primePi(${to})`]);
  });

  it('recalls both ends of a wide window, and computes only the one not remembered', async () => {
    const { countPrimes, computations, memory } = await makeCounter(0);
    // pi(999,999) = pi(10^6) = 78,498.
    await memory.remember({ from: 0n, to: 999_999n }, 78_498n);
    expect(await countPrimes.between(1_000_000n, 2_000_000n, Infinity)).toBe(
      referenceCount(1_000_000n, 2_000_000n),
    );
    expect(computations.calls).toEqual(['primePi(2000000)']);
  });

  it('refuses bounds outside [0, 2^64 - 1] before any work, naming each', async () => {
    const { countPrimes, computations, store } = await makeCounter(0);
    const refused = (from: bigint, to: bigint) =>
      countPrimes.between(from, to, Infinity).catch((e: unknown) => e);
    expect(await refused(-1n, 10n)).toMatchObject({ field: 'from' });
    expect(await refused(0n, 1n << 64n)).toMatchObject({ field: 'to' });
    expect(computations.calls).toEqual([]);
    expect(store.reaches).toBe(0);
  });
});
