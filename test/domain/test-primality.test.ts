import { InMemoryPrimeRepository } from '../../src/adapters/memory/in-memory-prime-repository';
import { inThreadPrimeComputations } from '../../src/domain/computations/in-thread-prime-computations';
import type { PrimeComputations } from '../../src/domain/computations/prime-computations';
import { InvalidParameterError } from '../../src/domain/errors/invalid-parameter-error';
import { TestPrimality } from '../../src/domain/use-cases/test-primality';
import { RecordingRepository } from '../support/recording-repository';
import { firstPrimes, isPrimeByTrialDivision } from '../support/reference-primes';

const U64_MAX = (1n << 64n) - 1n;
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The in-thread computations, with every 64-bit test they are asked for remembered. */
function recordingComputations(): PrimeComputations & { readonly asked: bigint[] } {
  const asked: bigint[] = [];
  return {
    ...inThreadPrimeComputations,
    asked,
    isPrimeU64: (n) => {
      asked.push(n);
      return inThreadPrimeComputations.isPrimeU64(n);
    },
  };
}

async function makePrimality(storedCount: number) {
  const store = new RecordingRepository(new InMemoryPrimeRepository(100));
  if (storedCount > 0) await store.appendPrimes(0, firstPrimes(storedCount));
  const computations = recordingComputations();
  return { store, computations, primality: new TestPrimality(store, computations) };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('TestPrimality', () => {
  it('answers n up to 2^53 - 1 itself, from the store or beyond it, and only larger n by the 64-bit computation', async () => {
    const { primality, computations, store } = await makePrimality(1_000);
    const last = (await store.reach()).lastPrime;
    for (const n of [0, 1, 2, 9, 7_919, last, last + 1, last + 2, 1_000_003]) {
      expect([n, await primality.isPrimeU64(BigInt(n))]).toEqual([n, isPrimeByTrialDivision(n)]);
    }
    // 2^53 - 1 = 6,361 x 69,431 x 20,394,401; 2^53 - 111 is the largest prime below 2^53.
    expect(await primality.isPrimeU64(SAFE_MAX)).toBe(false);
    expect(await primality.isPrimeU64(SAFE_MAX + 1n - 111n)).toBe(true);
    expect(computations.asked).toEqual([]);
    // 2^53 + 1 is a multiple of 3; 2^64 - 59 is the largest prime below 2^64.
    expect(await primality.isPrimeU64(SAFE_MAX + 2n)).toBe(false);
    expect(await primality.isPrimeU64(U64_MAX - 58n)).toBe(true);
    expect(await primality.isPrimeU64(U64_MAX)).toBe(false);
    expect(computations.asked).toEqual([SAFE_MAX + 2n, U64_MAX - 58n, U64_MAX]);
  });

  it('looks a stored n up in the store, and tests one past it without extending the store', async () => {
    const { primality, store } = await makePrimality(1_000);
    const reach = await store.reach();
    for (let n = 0; n <= reach.lastPrime + 300; n++) {
      expect([n, await primality.isPrime(n)]).toEqual([n, isPrimeByTrialDivision(n)]);
    }
    expect(store.appends).toHaveLength(1);
    expect(await store.reach()).toEqual(reach);
  });

  it('refuses n outside [0, 2^64 - 1], or outside [0, 2^53 - 1] as a number, naming n', async () => {
    const { primality, computations, store } = await makePrimality(0);
    const refusals = [
      primality.isPrimeU64(-1n),
      primality.isPrimeU64(U64_MAX + 1n),
      primality.isPrime(-1),
      primality.isPrime(2 ** 53),
      primality.isPrime(2.5),
    ];
    for (const error of await Promise.all(refusals.map(refusal))) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ field: 'n' });
    }
    expect(computations.asked).toEqual([]);
    expect(store.reaches).toBe(0);
  });
});
